package kz.qorgau.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.identity.TestIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a running order-service over real HTTP, as an officer's client would: with a bearer token
 * the local issuer gave one of the demo personas (or none).
 */
public final class ApiClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final String baseUrl;
    private final TestIdentity identity;
    private final Persona persona;

    /** Without a token. */
    public ApiClient(int port) {
        this(port, null, null);
    }

    public ApiClient(int port, TestIdentity identity, Persona persona) {
        this.port = port;
        this.baseUrl = "http://127.0.0.1:" + port;
        this.identity = identity;
        this.persona = persona;
    }

    /** The same service, as another persona. */
    public ApiClient as(Persona other) {
        return new ApiClient(port, identity, other);
    }

    public HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        return write("POST", path, body, headers);
    }

    public HttpResponse<String> put(String path, String body, Map<String, String> headers) {
        return write("PUT", path, body, headers);
    }

    private HttpResponse<String> write(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(URI.create(baseUrl + path)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> postOrder(String body) {
        return post("/api/v1/orders", body, Map.of());
    }

    public HttpResponse<String> postOrder(String body, String idempotencyKey) {
        return post("/api/v1/orders", body, Map.of("Idempotency-Key", idempotencyKey));
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return get(pathOrUrl, Map.of());
    }

    public HttpResponse<String> get(String pathOrUrl, Map<String, String> headers) {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(uri))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return persona == null ? request : request.header("Authorization", "Bearer " + identity.token(persona));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
