package kz.qorgau.testsupport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.identity.TestIdentity;
import org.jspecify.annotations.Nullable;

/**
 * Reads a running service's actuator endpoints on its management port, as an operator would: health
 * (status only) and the Prometheus scrape without a token, everything else with an OPERATOR's bearer
 * token (docs/adr/0014).
 */
public final class ManagementEndpoints {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String baseUrl;

    public ManagementEndpoints(int managementPort) {
        this.baseUrl = "http://127.0.0.1:" + managementPort + "/actuator";
    }

    /** GET on an actuator path without a token; returns status and body. */
    public HttpResponse<String> get(String path) {
        return get(path, null);
    }

    /** GET on an actuator path, with {@code bearerToken} unless it is null. */
    public HttpResponse<String> get(String path, @Nullable String bearerToken) {
        return send(request(path, bearerToken).GET());
    }

    /** POST of a JSON body on an actuator path (an operation), with {@code bearerToken} unless it is null. */
    public HttpResponse<String> post(String path, String json, @Nullable String bearerToken) {
        return send(request(path, bearerToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path, @Nullable String bearerToken) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts that health is UP and the Prometheus scrape carries the service's metrics, without a token. */
    public void assertHealthyWithMetrics(String applicationName) {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).as("health status code").isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        HttpResponse<String> scrape = get("/prometheus");
        assertThat(scrape.statusCode()).as("prometheus status code").isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes").contains("application=\"" + applicationName + "\"");
    }

    /** Liveness, readiness and the Prometheus scrape answer without a token, for probes and Prometheus. */
    public void assertProbesAndScrapeNeedNoToken() {
        for (String path : List.of("/health/liveness", "/health/readiness", "/prometheus")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
        assertThat(get("/prometheus").body()).contains("jvm_memory_used_bytes");
        openMetricsScrape();
    }

    /**
     * The scrape as Prometheus asks for it (OpenMetrics first), asserted free of exemplars: Micrometer puts
     * one on a summary's {@code _count} when a meter is recorded in a span, and Prometheus 2.x then refuses
     * the whole scrape (docs/adr/0033). Returns the body.
     */
    public String openMetricsScrape() {
        HttpResponse<String> scrape = send(request("/prometheus", null)
                .header(
                        "Accept",
                        "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
                                + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1")
                .GET());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/openmetrics-text"));
        assertThat(scrape.body()).contains("# EOF").doesNotContain(" # {");
        return scrape.body();
    }

    /** Health answers everyone with its status, and shows its components only to an OPERATOR. */
    public void assertHealthDetailsOnlyForOperators(TestIdentity identity, Persona notAnOperator) {
        for (String token : new String[] {null, identity.token(notAnOperator)}) {
            HttpResponse<String> health = get("/health", token);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details");
        }
        HttpResponse<String> operator = get("/health", identity.token(Persona.OPERATOR));
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("\"components\"").contains("\"db\"");
    }

    /**
     * {@code call} with no token is a 401 problem, with {@code notAnOperator}'s token a 403 problem, and
     * returns the answer to an OPERATOR's token.
     */
    public HttpResponse<String> assertOperatorOnly(
            TestIdentity identity, Persona notAnOperator, Function<@Nullable String, HttpResponse<String>> call) {
        assertProblem(call.apply(null), 401, "urn:qorgau:problem:unauthenticated");
        assertProblem(call.apply(identity.token(notAnOperator)), 403, "urn:qorgau:problem:forbidden");
        return call.apply(identity.token(Persona.OPERATOR));
    }

    /**
     * What Tomcat refuses before any filter runs, an encoded slash in the path, is a 400 problem on the
     * management port too, as on the API's port, never Tomcat's HTML page naming its version (docs/adr/0015,
     * 0016).
     */
    public void assertTomcatsRefusalsAreProblems() {
        for (String path : List.of("/..%2f..%2fetc", "/health/..%2F..%2Fetc%2Fpasswd")) {
            HttpResponse<String> response = get(path);
            assertProblem(response, 400, "urn:qorgau:problem:rejected-request");
            assertThat(response.body()).as(path).doesNotContain("<html", "Tomcat", "passwd");
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"" + type + "\"");
    }

    /**
     * The management port answers on loopback only, while the public port answers on every address:
     * checked through this machine's first non-loopback IPv4 address, when it has one.
     */
    public static void assertListensOnLoopbackOnly(int managementPort, int publicPort) {
        assertThat(connects(InetAddress.getLoopbackAddress(), managementPort)).isTrue();
        InetAddress external = nonLoopbackAddress();
        if (external == null) {
            return;
        }
        assertThat(connects(external, publicPort))
                .as("public port on " + external)
                .isTrue();
        assertThat(connects(external, managementPort))
                .as("management port on " + external)
                .isFalse();
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable InetAddress nonLoopbackAddress() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(ManagementEndpoints::isUp)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address
                            && !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress())
                    .findFirst()
                    .orElse(null);
        } catch (SocketException e) {
            return null;
        }
    }

    private static boolean isUp(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp() && !networkInterface.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
