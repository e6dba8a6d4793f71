package kz.qorgau.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SmsSinkTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void acceptsEachPostAsTheLaunchersGatewayDoesAndCountsIt() throws Exception {
        try (SmsSink sink = new SmsSink()) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(sink.url()))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"+77010000000\",\"text\":\"Код\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).isEqualTo("{\"status\":\"accepted\"}");
            }
            assertThat(sink.received()).isEqualTo(3);
        }
    }

    @Test
    void refusesAnythingButAPostAndDoesNotCountIt() throws Exception {
        try (SmsSink sink = new SmsSink()) {
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(URI.create(sink.url())).GET().build(),
                    HttpResponse.BodyHandlers.discarding());

            assertThat(answer.statusCode()).isEqualTo(405);
            assertThat(sink.received()).isZero();
        }
    }
}
