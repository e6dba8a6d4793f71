package kz.qorgau.localstack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The SMS gateway of the local stack: WireMock in the launcher's JVM, on 127.0.0.1 only, taking every
 * message notification-service POSTs to {@link #PATH} as a real gateway would (200, accepted). What it
 * received is in WireMock's request journal ({@code GET /__admin/requests}), kept to the last
 * {@link #JOURNAL_ENTRIES} so that a long run does not grow the launcher's heap.
 */
final class SmsGatewaySimulator implements AutoCloseable {

    static final String PATH = "/sms";
    static final int JOURNAL_ENTRIES = 1000;

    private final WireMockServer server;

    private SmsGatewaySimulator(WireMockServer server) {
        this.server = server;
    }

    static SmsGatewaySimulator start(int port) {
        WireMockServer server = new WireMockServer(
                options().bindAddress("127.0.0.1").port(port).maxRequestJournalEntries(JOURNAL_ENTRIES));
        server.start();
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"status\":\"accepted\"}")));
        return new SmsGatewaySimulator(server);
    }

    /** Where notification-service sends its messages. */
    String url() {
        return baseUrl() + PATH;
    }

    /** The messages received, newest first, as WireMock's admin API lists them. */
    String receivedUrl() {
        return baseUrl() + "/__admin/requests";
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
