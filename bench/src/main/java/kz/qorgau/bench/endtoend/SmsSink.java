package kz.qorgau.bench.endtoend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SMS gateway of the end-to-end part: the JDK's HTTP server answering every POST as the launcher's WireMock
 * simulator does (200, {@code {"status":"accepted"}}), keeping only a count. Like {@link SmtpSink}, a stand-in
 * peer that takes as little of the shared cores as it can: WireMock's matching and journal took about a tenth
 * of a core at 20 orders/s (docs/performance.md).
 */
public final class SmsSink implements AutoCloseable {

    static final String PATH = "/sms";
    private static final byte[] ACCEPTED = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "sms-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong received = new AtomicLong();

    public SmsSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext(PATH, this::answer);
        server.setExecutor(workers);
        server.start();
    }

    /** Where notification-service sends its messages ({@code QORGAU_SMS_GATEWAY_URL}). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Messages accepted so far. */
    public long received() {
        return received.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            received.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ACCEPTED.length);
            exchange.getResponseBody().write(ACCEPTED);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
