package kz.qorgau.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import kz.qorgau.infrastructure.PortAllocator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS gateway's stand-in (WireMock) for the victims' tests: it takes every message at {@code /sms} (the tests'
 * body names the text {@code message}), and finds them by number, oldest first.
 */
final class SmsGateway {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final int port = PortAllocator.freePort();
    private final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().port(port).bindAddress("127.0.0.1"));

    String url() {
        return "http://127.0.0.1:" + port + "/sms";
    }

    WireMockServer server() {
        return server;
    }

    void start() {
        server.start();
        server.stubFor(post(urlEqualTo("/sms")).willReturn(aResponse().withStatus(200)));
    }

    void stop() {
        server.stop();
    }

    List<LoggedRequest> messagesTo(String phone) {
        return server
                .findAll(postRequestedFor(urlEqualTo("/sms")).withRequestBody(containing("\"" + phone + "\"")))
                .stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    List<LoggedRequest> awaitMessages(String phone, int count) {
        await().atMost(WAIT).until(() -> messagesTo(phone).size() >= count);
        return messagesTo(phone);
    }

    static String message(LoggedRequest request) {
        return JsonMapper.builder()
                .build()
                .readTree(request.getBody())
                .get("message")
                .asString();
    }
}
