package kz.qorgau.testsupport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a running service's health and Prometheus endpoints on its management port, as an operator would. */
public final class ManagementEndpoints {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String baseUrl;

    public ManagementEndpoints(int managementPort) {
        this.baseUrl = "http://127.0.0.1:" + managementPort + "/actuator";
    }

    /** GET on an actuator path; returns status and body. */
    public HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts that health is UP and the Prometheus scrape carries the service's metrics. */
    public void assertHealthyWithMetrics(String applicationName) {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).as("health status code").isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        HttpResponse<String> scrape = get("/prometheus");
        assertThat(scrape.statusCode()).as("prometheus status code").isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes").contains("application=\"" + applicationName + "\"");
    }
}
