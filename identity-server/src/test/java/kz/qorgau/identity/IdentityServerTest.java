package kz.qorgau.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import kz.qorgau.testsupport.http.ManagementEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the issuer and gets each persona's token over HTTP as a service's caller would, then verifies it
 * the way the services will: signature against the published JWK set, issuer, audience, expiry.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            // Not the URL the test reaches the server at: proves iss and discovery come from configuration.
            "qorgau.identity.issuer=" + IdentityServerTest.ISSUER
        })
class IdentityServerTest {

    static final String ISSUER = "http://identity.qorgau.test:9000";
    static final String AUDIENCE = "qorgau-api";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${local.management.port}")
    int managementPort;

    static Stream<Arguments> personas() {
        return Stream.of(
                Arguments.of("officer-a", "officer-a-local-only-secret", "demo-officer-a", "OFFICER", "ALM-BOSTANDYK"),
                Arguments.of("officer-b", "officer-b-local-only-secret", "demo-officer-b", "OFFICER", "AST-ESIL"),
                Arguments.of(
                        "supervisor-a",
                        "supervisor-a-local-only-secret",
                        "demo-supervisor-a",
                        "SUPERVISOR",
                        "ALM-BOSTANDYK"),
                Arguments.of("court-clerk", "court-clerk-local-only-secret", "demo-court-clerk", "COURT", null),
                Arguments.of("operator", "operator-local-only-secret", "demo-operator", "OPERATOR", null),
                Arguments.of("auditor", "auditor-local-only-secret", "demo-auditor", "AUDITOR", null),
                Arguments.of("analyst", "analyst-local-only-secret", "demo-analyst", "ANALYST", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personas")
    void eachPersonaGetsAVerifiableTokenCarryingItsIdentity(
            String clientId, String secret, String subject, String role, String district) {
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<String> response = requestToken(clientId, secret);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isBetween(590L, 600L);
        assertThat(body.has("refresh_token")).isFalse();

        Jwt jwt = servicesDecoder(ISSUER, AUDIENCE)
                .decode(body.path("access_token").asString());

        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(jwt.getSubject()).isEqualTo(subject).isNotEqualTo(clientId);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly(role);
        if (district == null) {
            assertThat(jwt.hasClaim("district")).isFalse();
        } else {
            assertThat(jwt.getClaimAsString("district")).isEqualTo(district);
        }
        assertThat(jwt.getClaimAsString("client_id")).isEqualTo(clientId);
        assertThat(jwt.getAudience()).containsExactly(AUDIENCE);
        assertThat(jwt.getIssuer()).hasToString(ISSUER);
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.getIssuedAt()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(jwt.getNotBefore()).isEqualTo(jwt.getIssuedAt());
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void eachTokenHasItsOwnId() {
        String first = accessToken("officer-a", "officer-a-local-only-secret");
        String second = accessToken("officer-a", "officer-a-local-only-secret");
        JwtDecoder decoder = servicesDecoder(ISSUER, AUDIENCE);

        assertThat(decoder.decode(first).getId())
                .isNotEqualTo(decoder.decode(second).getId());
    }

    @Test
    void aServiceExpectingAnotherAudienceOrIssuerRejectsTheToken() {
        String token = accessToken("officer-a", "officer-a-local-only-secret");

        assertThatThrownBy(() -> servicesDecoder(ISSUER, "another-api").decode(token))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("aud");
        assertThatThrownBy(() ->
                        servicesDecoder("http://127.0.0.1:" + port, AUDIENCE).decode(token))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("iss");
    }

    @Test
    void aTamperedTokenFailsTheSignatureCheck() {
        String[] parts = accessToken("officer-a", "officer-a-local-only-secret").split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("ALM-BOSTANDYK", "AST-ESIL");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThatThrownBy(() -> servicesDecoder(ISSUER, AUDIENCE).decode(forged))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void aWrongSecretIsRefused() {
        HttpResponse<String> response = requestToken("officer-a", "officer-b-local-only-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void anUnknownClientIsRefused() {
        HttpResponse<String> response = requestToken("intruder", "officer-a-local-only-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void personasMayUseOnlyTheClientCredentialsGrant() {
        HttpResponse<String> response = post(
                "/oauth2/token",
                "grant_type=password&username=demo-officer-a&password=x",
                "officer-a",
                "officer-a-local-only-secret");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void theDiscoveryDocumentNamesTheTokenEndpointAndTheKeys() {
        HttpResponse<String> response = get("/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discovery = JSON.readTree(response.body());
        assertThat(discovery.path("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.path("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.path("id_token_signing_alg_values_supported").toString())
                .contains("RS256");
        assertThat(discovery.path("grant_types_supported").toString()).contains("client_credentials");
    }

    @Test
    void theKeySetPublishesOnlyThePublicSigningKey() {
        String kid = servicesDecoder(ISSUER, AUDIENCE)
                .decode(accessToken("auditor", "auditor-local-only-secret"))
                .getHeaders()
                .get("kid")
                .toString();

        HttpResponse<String> response = get("/oauth2/jwks");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode keys = JSON.readTree(response.body()).path("keys");
        assertThat(keys.size()).isEqualTo(1);
        JsonNode key = keys.get(0);
        assertThat(key.path("kty").asString()).isEqualTo("RSA");
        assertThat(key.path("kid").asString()).isEqualTo(kid);
        assertThat(key.path("use").asString()).isEqualTo("sig");
        for (String privatePart : List.of("d", "p", "q", "dp", "dq", "qi")) {
            assertThat(key.has(privatePart)).as(privatePart).isFalse();
        }
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(get("/").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health").statusCode())
                .as("actuator only on the management port")
                .isEqualTo(401);
    }

    @Test
    void healthAndPrometheusAreServedOnTheManagementPort() {
        new ManagementEndpoints(managementPort).assertHealthyWithMetrics("identity-server");
    }

    /** Validates as the services will: the JWK set from the issuer, then issuer, audience and time. */
    private JwtDecoder servicesDecoder(String issuer, String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/oauth2/jwks")
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), new JwtAudienceValidator(audience)));
        return decoder;
    }

    private String accessToken(String clientId, String secret) {
        HttpResponse<String> response = requestToken(clientId, secret);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private HttpResponse<String> requestToken(String clientId, String secret) {
        return post("/oauth2/token", "grant_type=client_credentials", clientId, secret);
    }

    private HttpResponse<String> post(String path, String form, String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(url(path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(url(path)).GET().build());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
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
