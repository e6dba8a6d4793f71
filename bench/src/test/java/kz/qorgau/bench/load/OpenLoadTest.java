package kz.qorgau.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class OpenLoadTest {

    @Test
    void aStallShowsInTheLatencyOfEveryRequestDueDuringItNotOnlyInTheOneThatMetIt() throws Exception {
        AtomicInteger served = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        // One thread: while the first request stalls, everything behind it waits, as in a stalled service.
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/", exchange -> {
            if (served.getAndIncrement() == 0) {
                LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
            }
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            HttpClient http = HttpClient.newHttpClient();

            OpenLoad.Result result = OpenLoad.run(
                    http, 100, Duration.ofMillis(500), Duration.ofSeconds(30), i -> HttpRequest.newBuilder(uri)
                            .GET()
                            .build());

            assertThat(result.errors()).isZero();
            assertThat(result.answers()).hasSize(50).allSatisfy(answer -> assertThat(answer.status())
                    .isEqualTo(201));
            assertThat(result.latencies().getTotalCount()).isEqualTo(50);
            // About 30 requests were due during the 300 ms stall; a closed model would have sent one.
            long slow = result.answers().stream()
                    .filter(answer ->
                            Duration.between(answer.due(), answer.answered()).toMillis() >= 100)
                    .count();
            assertThat(slow).isGreaterThanOrEqualTo(15);
            assertThat(result.latencies().getMaxValue()).isGreaterThanOrEqualTo(300_000);
            // The i-th request was due i × 10 ms after the first, whatever the stall.
            assertThat(Duration.between(
                            result.answers().get(0).due(),
                            result.answers().get(49).due()))
                    .isEqualTo(Duration.ofMillis(490));
        } finally {
            server.stop(0);
        }
    }
}
