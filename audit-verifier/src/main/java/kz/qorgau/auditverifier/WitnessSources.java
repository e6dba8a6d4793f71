package kz.qorgau.auditverifier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Where a witness reads checkpoints and consistency proofs: audit-service's API, or a directory of its answers. */
public final class WitnessSources {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WitnessSources() {}

    /** An http(s) URL is the service; anything else a directory. */
    public static Witness.Source of(String location, @Nullable String token) {
        return location.startsWith("http://") || location.startsWith("https://")
                ? new Api(URI.create(location.endsWith("/") ? location : location + "/"), token)
                : new Directory(Path.of(location));
    }

    static List<byte[]> proof(JsonNode answer) {
        JsonNode proof = answer.get("proof");
        if (proof == null || !proof.isArray()) {
            throw new IllegalArgumentException("the answer holds no \"proof\" list");
        }
        List<byte[]> hashes = new ArrayList<>();
        proof.forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asString())));
        return hashes;
    }

    /**
     * GET /api/v1/audit/checkpoints/latest and /api/v1/audit/proofs/consistency, with an auditor's bearer token.
     */
    record Api(URI base, @Nullable String token) implements Witness.Source {

        private static final HttpClient HTTP =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        @Override
        public @Nullable String latestNote() throws IOException {
            HttpResponse<String> response = get("api/v1/audit/checkpoints/latest");
            if (response.statusCode() == 204) {
                return null;
            }
            return JSON.readTree(ok(response)).get("signedNote").asString();
        }

        @Override
        public List<byte[]> consistencyProof(long fromSize, long toSize) throws IOException {
            return proof(JSON.readTree(
                    ok(get("api/v1/audit/proofs/consistency?fromSize=" + fromSize + "&toSize=" + toSize))));
        }

        private HttpResponse<String> get(String path) throws IOException {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        private static String ok(HttpResponse<String> response) throws IOException {
            if (response.statusCode() != 200) {
                throw new IOException(response.uri() + " answered " + response.statusCode());
            }
            return response.body();
        }
    }

    /**
     * A directory that mirrors the API: {@code latest.note} the newest signed note, and {@code
     * consistency-FROM-TO.json} the consistency proofs' answers.
     */
    record Directory(Path directory) implements Witness.Source {

        @Override
        public @Nullable String latestNote() throws IOException {
            Path latest = directory.resolve("latest.note");
            return Files.exists(latest) ? Files.readString(latest, StandardCharsets.UTF_8) : null;
        }

        @Override
        public List<byte[]> consistencyProof(long fromSize, long toSize) throws IOException {
            Path answer = directory.resolve("consistency-" + fromSize + "-" + toSize + ".json");
            if (!Files.exists(answer)) {
                throw new IOException("no " + answer.getFileName() + " in " + directory);
            }
            return proof(JSON.readTree(Files.readString(answer, StandardCharsets.UTF_8)));
        }
    }
}
