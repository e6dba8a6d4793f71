package kz.qorgau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person signs in as a persona the way a browser page (Swagger UI) does, over HTTP against the running
 * issuer: authorization code with PKCE (S256) for the public client {@code qorgau-web}, through the login
 * page. The access token must be the persona's, exactly as its client-credentials token is.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "qorgau.identity.issuer=" + IdentityServerTest.ISSUER,
            // As the variable QORGAU_IDENTITY_WEB_CLIENT_REDIRECT_URIS would give them: comma-separated.
            "qorgau.identity.web-client.redirect-uris=" + BrowserSignInTest.SHIFTED_LOCALHOST_SWAGGER_UI + ","
                    + BrowserSignInTest.OTHER_SHIFTED_LOCALHOST_SWAGGER_UI
        })
class BrowserSignInTest {

    static final String SHIFTED_LOCALHOST_SWAGGER_UI = "http://localhost:18081/swagger-ui/oauth2-redirect.html";
    static final String OTHER_SHIFTED_LOCALHOST_SWAGGER_UI = "http://localhost:18083/swagger-ui/oauth2-redirect.html";

    private static final String CLIENT_ID = "qorgau-web";
    private static final String SWAGGER_UI = "http://127.0.0.1:8081/swagger-ui/oauth2-redirect.html";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    /** One browser: its own cookie jar, redirects followed by the test, step by step. */
    private HttpClient browser;

    private String verifier;
    private String state;

    @BeforeEach
    void newBrowser() {
        browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        verifier = randomUrlSafe(32);
        state = randomUrlSafe(16);
    }

    static Stream<Arguments> personas() {
        return Stream.of(
                Arguments.of("officer-a", "demo-officer-a", "OFFICER", "ALM-BOSTANDYK"),
                Arguments.of("officer-b", "demo-officer-b", "OFFICER", "AST-ESIL"),
                Arguments.of("supervisor-a", "demo-supervisor-a", "SUPERVISOR", "ALM-BOSTANDYK"),
                Arguments.of("court-clerk", "demo-court-clerk", "COURT", null),
                Arguments.of("operator", "demo-operator", "OPERATOR", null),
                Arguments.of("auditor", "demo-auditor", "AUDITOR", null),
                Arguments.of("analyst", "demo-analyst", "ANALYST", null));
    }

    @Test
    void officerASignsInWithTheAuthorizationCodeAndPkceAndGetsTheirToken() {
        HttpResponse<String> authorize = get(authorizationRequest(SWAGGER_UI, challenge(verifier), "S256"));
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(location(authorize)).isEqualTo(url("/login"));

        HttpResponse<String> loginPage = get(location(authorize));
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(loginPage.body()).contains("name=\"username\"", "name=\"password\"");

        HttpResponse<String> signedIn = postLogin(csrfToken(loginPage), "officer-a", "officer-a-local-only-password");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).startsWith(url("/oauth2/authorize?")).contains("code_challenge=");

        HttpResponse<String> backToTheClient = get(location(signedIn));
        assertThat(backToTheClient.statusCode()).isEqualTo(302);
        URI callback = URI.create(location(backToTheClient));
        assertThat(callback.getScheme() + "://" + callback.getAuthority() + callback.getPath())
                .isEqualTo(SWAGGER_UI);
        Map<String, String> answer = queryOf(callback);
        assertThat(answer).containsEntry("state", state).containsKey("code").doesNotContainKey("error");

        HttpResponse<String> tokenResponse = exchange(answer.get("code"), SWAGGER_UI, verifier);
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        assertThat(tokenResponse.headers().firstValue("Set-Cookie"))
                .as("the token endpoint keeps no session")
                .isEmpty();
        JsonNode body = JSON.readTree(tokenResponse.body());
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isBetween(590L, 600L);
        assertThat(body.has("refresh_token"))
                .as("no refresh tokens for a public client")
                .isFalse();

        Jwt jwt = servicesDecoder().decode(body.path("access_token").asString());
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(jwt.getSubject()).isEqualTo("demo-officer-a");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("OFFICER");
        assertThat(jwt.getClaimAsString("district")).isEqualTo("ALM-BOSTANDYK");
        assertThat(jwt.getAudience()).containsExactly(IdentityServerTest.AUDIENCE);
        assertThat(jwt.getIssuer()).hasToString(IdentityServerTest.ISSUER);
        assertThat(jwt.getClaimAsString("client_id")).isEqualTo(CLIENT_ID);
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(10));

        // The ID token and the user-info endpoint name the same subject as the access token.
        Jwt idToken = decoder(IdentityServerTest.ISSUER, CLIENT_ID)
                .decode(body.path("id_token").asString());
        assertThat(idToken.getSubject()).isEqualTo("demo-officer-a");
        HttpResponse<String> userInfo = send(HttpRequest.newBuilder(URI.create(url("/userinfo")))
                .header("Authorization", "Bearer " + body.path("access_token").asString())
                .GET()
                .build());
        assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
        assertThat(JSON.readTree(userInfo.body()).path("sub").asString()).isEqualTo("demo-officer-a");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personas")
    void eachPersonaSignsInAndGetsTheClaimsOfItsClientCredentialsToken(
            String username, String subject, String role, String district) {
        Jwt jwt = servicesDecoder().decode(signIn(username, username + "-local-only-password"));

        assertThat(jwt.getSubject()).isEqualTo(subject);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly(role);
        if (district == null) {
            assertThat(jwt.hasClaim("district")).isFalse();
        } else {
            assertThat(jwt.getClaimAsString("district")).isEqualTo(district);
        }
        assertThat(jwt.getAudience()).containsExactly(IdentityServerTest.AUDIENCE);
    }

    @Test
    void whileTheSessionLastsTheNextCodeNeedsNoPasswordAndAfterSignOutItDoes() {
        signIn("supervisor-a", "supervisor-a-local-only-password");

        String silent = authorizedCallback(get(authorizationRequest(SWAGGER_UI, challenge(verifier), "S256")));
        assertThat(queryOf(URI.create(silent))).containsKey("code");

        HttpResponse<String> logoutPage = get(url("/logout"));
        assertThat(logoutPage.statusCode()).isEqualTo(200);
        HttpResponse<String> signedOut = send(form(url("/logout"), Map.of("_csrf", csrfToken(logoutPage))));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(location(signedOut)).isEqualTo(url("/login?logout"));

        HttpResponse<String> again = get(authorizationRequest(SWAGGER_UI, challenge(verifier), "S256"));
        assertThat(location(again)).isEqualTo(url("/login"));
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginPage() {
        get(authorizationRequest(SWAGGER_UI, challenge(verifier), "S256"));
        HttpResponse<String> loginPage = get(url("/login"));

        HttpResponse<String> refused = postLogin(csrfToken(loginPage), "officer-a", "officer-b-local-only-password");

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(location(refused)).isEqualTo(url("/login?error"));
        assertThat(location(get(authorizationRequest(SWAGGER_UI, challenge(verifier), "S256"))))
                .as("still not signed in")
                .isEqualTo(url("/login"));
    }

    @Test
    void theLoginFormNeedsItsCsrfToken() {
        get(url("/login"));

        HttpResponse<String> refused =
                send(form(url("/login"), Map.of("username", "officer-a", "password", "officer-a-local-only-password")));

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void aCodeRequestWithoutACodeChallengeIsRefused() {
        HttpResponse<String> refused = get(authorizationRequest(SWAGGER_UI, null, null));

        assertRedirectedWithError(refused, "invalid_request");
    }

    @Test
    void thePlainCodeChallengeMethodIsRefused() {
        HttpResponse<String> refused = get(authorizationRequest(SWAGGER_UI, verifier, "plain"));

        assertRedirectedWithError(refused, "invalid_request");
    }

    @Test
    void aWrongCodeVerifierIsRefused() {
        String code = code("officer-a", "officer-a-local-only-password", SWAGGER_UI);

        HttpResponse<String> refused = exchange(code, SWAGGER_UI, randomUrlSafe(32));

        assertError(refused, 400, "invalid_grant");
    }

    @Test
    void aCodeIsUsedOnlyOnce() {
        String code = code("officer-a", "officer-a-local-only-password", SWAGGER_UI);
        assertThat(exchange(code, SWAGGER_UI, verifier).statusCode()).isEqualTo(200);

        assertError(exchange(code, SWAGGER_UI, verifier), 400, "invalid_grant");
    }

    @Test
    void aCodeIsRedeemedOnlyAtTheRedirectUriItWasIssuedFor() {
        String code = code("officer-a", "officer-a-local-only-password", SWAGGER_UI);

        assertError(
                exchange(code, "http://127.0.0.1:8082/swagger-ui/oauth2-redirect.html", verifier),
                400,
                "invalid_grant");
    }

    @Test
    void anUnregisteredRedirectUriIsRefusedWithoutARedirect() {
        for (String unregistered : new String[] {
            "http://evil.example/swagger-ui/oauth2-redirect.html",
            "http://127.0.0.1:8081/swagger-ui/other.html",
            "http://localhost:18082/swagger-ui/oauth2-redirect.html"
        }) {
            HttpResponse<String> refused = get(authorizationRequest(unregistered, challenge(verifier), "S256"));

            assertThat(refused.statusCode()).as(unregistered).isEqualTo(400);
            assertThat(refused.headers().firstValue("Location"))
                    .as(unregistered)
                    .isEmpty();
        }
    }

    @Test
    void onLoopbackAnyPortMatchesAndConfiguredRedirectUrisAreRegisteredToo() {
        for (String redirectUri : new String[] {
            "http://127.0.0.1:18083/swagger-ui/oauth2-redirect.html",
            "http://localhost:8083/swagger-ui/oauth2-redirect.html",
            SHIFTED_LOCALHOST_SWAGGER_UI,
            OTHER_SHIFTED_LOCALHOST_SWAGGER_UI
        }) {
            newBrowser();
            String code = code("auditor", "auditor-local-only-password", redirectUri);

            assertThat(exchange(code, redirectUri, verifier).statusCode())
                    .as(redirectUri)
                    .isEqualTo(200);
        }
    }

    @Test
    void thePasswordGrantAndTheImplicitFlowAreRefused() {
        HttpResponse<String> password = send(form(
                url("/oauth2/token"),
                Map.of(
                        "grant_type", "password",
                        "client_id", CLIENT_ID,
                        "username", "officer-a",
                        "password", "officer-a-local-only-password")));
        assertThat(password.statusCode())
                .as("no client authentication without a code")
                .isEqualTo(401);
        assertThat(password.body()).doesNotContain("access_token");

        String implicit = url("/oauth2/authorize?response_type=token&client_id=" + CLIENT_ID + "&redirect_uri="
                + encode(SWAGGER_UI) + "&scope=openid&state=" + state);
        HttpResponse<String> refused = get(implicit);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aPersonasOwnClientCannotSignAPersonIn() {
        String request = authorizationRequest(SWAGGER_UI, challenge(verifier), "S256")
                .replace("client_id=" + CLIENT_ID, "client_id=officer-a");

        HttpResponse<String> refused = get(request);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void onlyABrowserIsSentToTheLoginPage() {
        HttpResponse<String> api =
                send(HttpRequest.newBuilder(URI.create(authorizationRequest(SWAGGER_UI, challenge(verifier), "S256")))
                        .GET()
                        .build());

        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theIssuerAnswersCrossOriginCallsFromTheRedirectPagesOnly() {
        assertThat(preflight("/oauth2/token", "http://127.0.0.1:8081")
                        .headers()
                        .firstValue("Access-Control-Allow-Origin"))
                .hasValue("http://127.0.0.1:8081");
        assertThat(preflight("/oauth2/token", "http://localhost:18081")
                        .headers()
                        .firstValue("Access-Control-Allow-Origin"))
                .hasValue("http://localhost:18081");
        HttpResponse<String> discovery =
                send(HttpRequest.newBuilder(URI.create(url("/.well-known/openid-configuration")))
                        .header("Origin", "http://127.0.0.1:8083")
                        .GET()
                        .build());
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("http://127.0.0.1:8083");

        HttpResponse<String> foreign = preflight("/oauth2/token", "http://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> foreignRead = send(HttpRequest.newBuilder(URI.create(url("/oauth2/jwks")))
                .header("Origin", "http://evil.example")
                .GET()
                .build());
        assertThat(foreignRead.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void onlySigningInStartsASession() {
        Map<String, String> clientCredentials = Map.of(
                "grant_type", "client_credentials",
                "client_id", "officer-a",
                "client_secret", "officer-a-local-only-secret");
        for (HttpResponse<String> response : List.of(
                send(form(url("/oauth2/token"), clientCredentials)),
                get(url("/oauth2/jwks")),
                get(url("/.well-known/openid-configuration")),
                get(url("/")))) {
            assertThat(response.headers().firstValue("Set-Cookie"))
                    .as(response.uri().toString())
                    .isEmpty();
        }
        assertThat(get(url("/login")).headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(cookie -> assertThat(cookie)
                        .startsWith("QORGAU_IDENTITY_SESSION=")
                        .contains("HttpOnly", "SameSite=Lax"));
    }

    @Test
    void theDiscoveryDocumentOffersTheCodeFlowWithS256() {
        JsonNode discovery =
                JSON.readTree(get(url("/.well-known/openid-configuration")).body());

        assertThat(discovery.path("authorization_endpoint").asString())
                .isEqualTo(IdentityServerTest.ISSUER + "/oauth2/authorize");
        assertThat(discovery.path("code_challenge_methods_supported").toString())
                .isEqualTo("[\"S256\"]");
        assertThat(discovery.path("response_types_supported").toString()).isEqualTo("[\"code\"]");
    }

    /** The whole flow for one persona; returns the access token. */
    private String signIn(String username, String password) {
        HttpResponse<String> response = exchange(code(username, password, SWAGGER_UI), SWAGGER_UI, verifier);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    /** Authorization request, login page, sign-in and back: the code the client receives. */
    private String code(String username, String password, String redirectUri) {
        HttpResponse<String> authorize = get(authorizationRequest(redirectUri, challenge(verifier), "S256"));
        assertThat(location(authorize)).isEqualTo(url("/login"));
        HttpResponse<String> signedIn = postLogin(csrfToken(get(url("/login"))), username, password);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String callback = authorizedCallback(get(location(signedIn)));
        assertThat(callback).startsWith(redirectUri + "?");
        Map<String, String> answer = queryOf(URI.create(callback));
        assertThat(answer).containsEntry("state", state);
        return answer.get("code");
    }

    private String authorizedCallback(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return location(response);
    }

    private void assertRedirectedWithError(HttpResponse<String> response, String error) {
        assertThat(response.statusCode()).isEqualTo(302);
        URI callback = URI.create(location(response));
        assertThat(callback.getScheme() + "://" + callback.getAuthority() + callback.getPath())
                .isEqualTo(SWAGGER_UI);
        assertThat(queryOf(callback))
                .containsEntry("error", error)
                .containsEntry("state", state)
                .doesNotContainKey("code");
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo(error);
    }

    private String authorizationRequest(String redirectUri, String codeChallenge, String method) {
        StringBuilder query = new StringBuilder("/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID)
                .append("&redirect_uri=")
                .append(encode(redirectUri))
                .append("&scope=openid&state=")
                .append(state);
        if (codeChallenge != null) {
            query.append("&code_challenge=").append(codeChallenge);
        }
        if (method != null) {
            query.append("&code_challenge_method=").append(method);
        }
        return url(query.toString());
    }

    private HttpResponse<String> postLogin(String csrf, String username, String password) {
        return send(form(url("/login"), Map.of("username", username, "password", password, "_csrf", csrf)));
    }

    private HttpResponse<String> exchange(String code, String redirectUri, String codeVerifier) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("grant_type", "authorization_code");
        parameters.put("code", code);
        parameters.put("redirect_uri", redirectUri);
        parameters.put("client_id", CLIENT_ID);
        parameters.put("code_verifier", codeVerifier);
        return send(form(url("/oauth2/token"), parameters));
    }

    private HttpResponse<String> preflight(String path, String origin) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build());
    }

    private static HttpRequest form(String url, Map<String, String> parameters) {
        String body = parameters.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** A browser's navigation: it asks for HTML. */
    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .GET()
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("No redirect: " + response.statusCode() + " " + response.body()));
    }

    private static String csrfToken(HttpResponse<String> page) {
        Matcher field = CSRF_FIELD.matcher(page.body());
        assertThat(field.find()).as("a CSRF field in " + page.body()).isTrue();
        return field.group(1);
    }

    private static Map<String, String> queryOf(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        UriComponentsBuilder.fromUri(uri)
                .build()
                .getQueryParams()
                .forEach((name, values) -> query.put(
                        name, values.get(0) == null ? "" : URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
        return query;
    }

    private static String challenge(String codeVerifier) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JwtDecoder servicesDecoder() {
        return decoder(IdentityServerTest.ISSUER, IdentityServerTest.AUDIENCE);
    }

    /** Validates as the services will: the JWK set from the issuer, then issuer, audience and time. */
    private JwtDecoder decoder(String issuer, String audience) {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withJwkSetUri(url("/oauth2/jwks")).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), new JwtAudienceValidator(audience)));
        return decoder;
    }
}
