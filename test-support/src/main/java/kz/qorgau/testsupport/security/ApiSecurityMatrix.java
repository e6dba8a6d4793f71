package kz.qorgau.testsupport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.identity.TestIdentity;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OWASP API Security Top 10 (2023) checklist as tests generated from a running service's OpenAPI
 * document: for every operation, every kind of bad token gets 401 (API2), every role the operation
 * does not name gets 403 (API5), another district's object 404 (API1, BOLA), unknown properties 400
 * (API3, mass assignment), no response carries what its reader may not see (API3, excessive data
 * exposure), and the write limit answers 429 while exempt operations never do (API4). An operation
 * without {@code x-qorgau-roles}, or a write without {@code x-qorgau-write-limit}, fails the matrix, so
 * a new endpoint cannot escape it; only one that says why it needs no token ({@code x-qorgau-public}) is
 * exempt, and is checked to answer without one.
 */
public final class ApiSecurityMatrix {

    public static final String ROLES = "x-qorgau-roles";
    public static final String WRITE_LIMIT = "x-qorgau-write-limit";
    public static final String PUBLIC = "x-qorgau-public";

    /** The services' default {@code qorgau.http.max-request-body}, 64 KiB. */
    static final int DEFAULT_BODY_LIMIT = 64 * 1024;

    /** Properties a client might try to slip into a body; none is part of any request. */
    static final List<String> MASS_ASSIGNMENT_PROPERTIES = List.of("id", "status", "roles", "createdBy");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Our own handlers; the framework's (error page, springdoc) are covered by the unknown-path case. */
    private static final String OWN_PACKAGES = "kz.qorgau.";

    private final URI baseUrl;
    private final TestIdentity identity;
    private final ApiFixture fixture;
    private final Set<String> endpoints;

    private ApiSecurityMatrix(URI baseUrl, TestIdentity identity, ApiFixture fixture, Set<String> endpoints) {
        this.baseUrl = baseUrl;
        this.identity = identity;
        this.fixture = fixture;
        this.endpoints = endpoints;
    }

    /**
     * The matrix of the service at {@code baseUrl} (its public port) whose Spring context is {@code
     * service}: its request mappings are compared with its OpenAPI document, so an endpoint hidden
     * from the document ({@code @Hidden}, say) fails instead of escaping the matrix.
     */
    public static ApiSecurityMatrix of(
            URI baseUrl, TestIdentity identity, ApiFixture fixture, ApplicationContext service) {
        return new ApiSecurityMatrix(baseUrl, identity, fixture, endpoints(service));
    }

    /** "METHOD /path" of every request mapping of our own controllers in {@code service}. */
    static Set<String> endpoints(ApplicationContext service) {
        RequestMappingHandlerMapping mapping =
                service.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Set<String> endpoints = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getName().startsWith(OWN_PACKAGES)) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("ANY " + pattern);
                }
                methods.forEach(method -> endpoints.add(method.name() + " " + pattern));
            }
        });
        return endpoints;
    }

    /** The operations of the service's OpenAPI document ({@code /v3/api-docs}, read with a valid token). */
    public List<ApiOperation> operations() {
        HttpResponse<String> response = send(request("GET", "/v3/api-docs", identity.token(Persona.AUDITOR), null));
        assertThat(response.statusCode()).as("GET /v3/api-docs with a token").isEqualTo(200);
        return operations(response.body());
    }

    /** The operations of an OpenAPI document (a service's {@code /v3/api-docs}), with their access rules. */
    public static List<ApiOperation> operations(String apiDocs) {
        JsonNode paths = JSON.readTree(apiDocs).path("paths");
        List<ApiOperation> operations = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            JsonNode item = paths.get(path);
            for (String method : item.propertyNames()) {
                JsonNode operation = item.get(method);
                if (!operation.isObject() || operation.get("responses") == null) {
                    continue;
                }
                List<String> roles = new ArrayList<>();
                operation.path(ROLES).forEach(role -> roles.add(role.asString()));
                List<String> pathParameters = new ArrayList<>();
                operation.path("parameters").forEach(parameter -> {
                    if ("path".equals(parameter.path("in").asString())) {
                        pathParameters.add(parameter.path("name").asString());
                    }
                });
                JsonNode writeLimit = operation.get(WRITE_LIMIT);
                JsonNode publicReason = operation.get(PUBLIC);
                operations.add(new ApiOperation(
                        method.toUpperCase(java.util.Locale.ROOT),
                        path,
                        operation.path("operationId").asString(),
                        List.copyOf(roles),
                        writeLimit == null ? null : writeLimit.asString(),
                        operation.has("requestBody"),
                        List.copyOf(pathParameters),
                        publicReason == null ? null : publicReason.asString()));
            }
        }
        return List.copyOf(operations);
    }

    /** Every case for every operation, for a {@code @TestFactory}; plus the cases that need no operation. */
    public Stream<DynamicNode> tests() {
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(DynamicTest.dynamicTest(
                "the OpenAPI document and unknown paths need a token too", this::documentAndUnknownPathsNeedToken));
        nodes.add(DynamicTest.dynamicTest(
                "the one public path is the RFC 9728 metadata, naming the issuer", this::onlyTheMetadataIsPublic));
        nodes.add(DynamicTest.dynamicTest(
                "tokens with claims the service cannot hold → 401 on the OpenAPI document too",
                this::unusableClaimsAreRefusedEverywhere));
        nodes.add(DynamicTest.dynamicTest(
                "a body above the limit → 413 problem before anything reads it, declared or chunked",
                this::bodiesAboveTheLimitAreRefusedUnread));
        nodes.add(DynamicTest.dynamicTest(
                "what Tomcat or the firewall refuses is a problem, not an HTML page",
                this::malformedRequestsGetProblems));
        List<ApiOperation> operations = operations();
        nodes.add(DynamicTest.dynamicTest(
                "every endpoint of the service is in its OpenAPI document", () -> everyEndpointDocumented(operations)));
        for (ApiOperation operation : operations) {
            nodes.add(DynamicContainer.dynamicContainer(operation.toString(), cases(operation)));
        }
        return nodes.stream();
    }

    private Stream<DynamicNode> cases(ApiOperation operation) {
        List<DynamicNode> cases = new ArrayList<>();
        if (operation.isPublic()) {
            cases.add(test("public (" + operation.publicReason() + "): declares no roles, needs no token", () -> {
                assertThat(operation.roles())
                        .as("%s is public and has roles", operation)
                        .isEmpty();
                HttpResponse<String> response =
                        send(request(operation.method(), operation.path(placeholders(operation)), null, null));
                assertThat(response.statusCode())
                        .as("%s without a token", operation)
                        .isNotIn(401, 403, 500);
            }));
            return cases.stream();
        }
        cases.add(test("declares its roles and write limit", () -> declaresAccessRules(operation)));
        if (operation.roles().isEmpty()) {
            return cases.stream();
        }
        Persona allowed = allowedPersonas(operation)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        operation + " names roles " + operation.roles() + " that no test persona has"));
        Map<String, Function<Persona, String>> badTokens = Map.of(
                "expired token", identity::expiredToken,
                "token not yet valid", identity::notYetValidToken,
                "token signed by another key", identity::wrongKeyToken,
                "unsigned token (alg none)", identity::unsignedToken,
                "token for another audience", identity::wrongAudienceToken,
                "token from another issuer", identity::wrongIssuerToken,
                "token without sub", identity::tokenWithoutSubject,
                "token with a sub too long to keep", identity::tokenWithOverlongSubject,
                "token with a district too long to keep", identity::tokenWithOverlongDistrict,
                "token with an array of districts", identity::tokenWithDistrictArray);
        cases.add(test("no token → 401", () -> unauthenticated(operation, allowed, null)));
        badTokens.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(bad -> cases.add(test(
                        bad.getKey() + " → 401",
                        () -> unauthenticated(operation, allowed, bad.getValue().apply(allowed)))));
        for (Persona persona : Persona.values()) {
            if (isAllowed(operation, persona)) {
                cases.add(test(persona + " (" + persona.roles() + ") → 2xx, nothing it may not see", () -> {
                    fixture.resetWriteLimits();
                    fixture.pathValues(operation, persona, true)
                            .ifPresent(values -> allowedAndNothingExposed(operation, persona, values));
                }));
                if (!operation.pathParameters().isEmpty()) {
                    cases.add(test(persona + " → 404 for another district's object", () -> {
                        fixture.resetWriteLimits();
                        fixture.pathValues(operation, persona, false)
                                .ifPresent(values -> hidden(operation, persona, values));
                    }));
                }
            } else {
                cases.add(test(persona + " (" + persona.roles() + ") → 403", () -> {
                    fixture.resetWriteLimits();
                    forbidden(operation, persona, allowed);
                }));
            }
        }
        if (operation.hasBody()) {
            for (String property : MASS_ASSIGNMENT_PROPERTIES) {
                cases.add(test("unknown property \"" + property + "\" in the body → 400", () -> {
                    fixture.resetWriteLimits();
                    massAssignment(operation, allowed, property);
                }));
            }
        }
        if (operation.isWriteLimited()) {
            cases.add(test("beyond the write limit → 429 with Retry-After", () -> writeLimit(operation, allowed)));
        } else if (operation.isExemptFromWriteLimit()) {
            cases.add(test("never refused for volume", () -> neverLimited(operation, allowed)));
        }
        return cases.stream();
    }

    private void documentAndUnknownPathsNeedToken() {
        for (String path : List.of("/v3/api-docs", "/api/v1/no-such-endpoint", "/")) {
            HttpResponse<String> response = send(request("GET", path, null, null));
            assertThat(response.statusCode()).as("GET %s without a token", path).isEqualTo(401);
            assertProblem(response, 401);
        }
    }

    /**
     * Signed by the issuer, but with claims no service can hold (no sub, a sub or district longer than the
     * columns, an array of districts): 401, counted as invalid_claims, never a 500 or an answer. Checked
     * on the OpenAPI document as well, so a service without operations of its own is covered too.
     */
    private void unusableClaimsAreRefusedEverywhere() {
        for (Persona persona : List.of(Persona.OFFICER_A, Persona.AUDITOR)) {
            for (String token : List.of(
                    identity.tokenWithoutSubject(persona),
                    identity.tokenWithOverlongSubject(persona),
                    identity.tokenWithOverlongDistrict(persona),
                    identity.tokenWithDistrictArray(persona))) {
                HttpResponse<String> response = send(request("GET", "/v3/api-docs", token, null));
                assertThat(response.statusCode())
                        .as("GET /v3/api-docs as %s: %s", persona, response.body())
                        .isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate"))
                        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
                assertProblem(response, 401);
            }
        }
    }

    /**
     * {@value #DEFAULT_BODY_LIMIT} bytes by default ({@code qorgau.http.max-request-body}): a larger body is
     * refused 413 before authentication, so neither a token nor Jackson meets it; chunked bodies too.
     */
    private void bodiesAboveTheLimitAreRefusedUnread() {
        byte[] tooLarge = new byte[4 * DEFAULT_BODY_LIMIT];
        java.util.Arrays.fill(tooLarge, (byte) ' ');
        byte[] withinLimit = new byte[DEFAULT_BODY_LIMIT - 1024];
        java.util.Arrays.fill(withinLimit, (byte) ' ');
        for (String token : java.util.Arrays.asList(null, identity.token(Persona.OFFICER_A))) {
            String who = token == null ? "without a token" : "with a token";
            // Over a plain socket: Tomcat closes the connection after a 413, and the JDK's client, still
            // sending the body, could lose the answer to a broken pipe.
            RawHttp.Answer declared = RawHttp.post(baseUrl, "/api/v1/no-such-endpoint", token, tooLarge, true);
            assertThat(declared.status())
                    .as("declared length, %s: %s", who, declared.body())
                    .isEqualTo(413);
            assertProblem(declared, 413);
            RawHttp.Answer chunked = RawHttp.post(baseUrl, "/api/v1/no-such-endpoint", token, tooLarge, false);
            assertThat(chunked.status())
                    .as("chunked, %s: %s", who, chunked.body())
                    .isEqualTo(413);
            assertProblem(chunked, 413);
        }
        HttpResponse<String> within = send(chunkedPost("/api/v1/no-such-endpoint", null, withinLimit));
        assertThat(within.statusCode())
                .as("a chunked body within the limit reaches security")
                .isEqualTo(401);
    }

    /**
     * An encoded slash (Tomcat refuses it before any filter), a header above Tomcat's limit, and a path the
     * security firewall rejects: each a problem ({@code application/problem+json}), never Tomcat's HTML.
     */
    private void malformedRequestsGetProblems() {
        String token = identity.token(Persona.AUDITOR);
        for (String path : List.of("/api/v1/orders/..%2f..%2fetc", "/v3/api-docs/..%2F..%2Fetc")) {
            for (String bearer : java.util.Arrays.asList(null, token)) {
                HttpResponse<String> response = send(request("GET", path, bearer, null));
                assertThat(response.statusCode()).as("GET %s", path).isEqualTo(400);
                assertProblem(response, 400);
                assertThat(response.body()).doesNotContain("<html").doesNotContain("Tomcat");
            }
        }
        HttpResponse<String> hugeHeader =
                send(request("GET", "/v3/api-docs", token, null, Map.of("X-Qorgau-Padding", "x".repeat(64 * 1024))));
        assertThat(hugeHeader.statusCode()).as("a header above the limit").isBetween(400, 431);
        assertProblem(hugeHeader, hugeHeader.statusCode());
        for (String path : List.of("/v3/api-docs;jsessionid=1", "/v3/api-docs/%2e%2e;/x")) {
            HttpResponse<String> rejected = send(request("GET", path, token, null));
            assertThat(rejected.statusCode()).as("GET %s", path).isEqualTo(400);
            assertProblem(rejected, 400);
        }
    }

    /** A POST whose body goes chunked (its length unknown to the client). */
    private HttpRequest chunkedPost(String path, String token, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private void everyEndpointDocumented(List<ApiOperation> operations) {
        Set<String> documented = new TreeSet<>();
        operations.forEach(operation -> documented.add(operation.toString()));
        assertThat(documented)
                .as("request mappings must each name one HTTP method and appear in /v3/api-docs")
                .containsAll(endpoints);
    }

    /** Clients discover the issuer there (RFC 9728); it holds nothing else and claims nothing we do not do. */
    private void onlyTheMetadataIsPublic() {
        HttpResponse<String> response = send(request("GET", "/.well-known/oauth-protected-resource", null, null));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metadata = JSON.readTree(response.body());
        List<String> servers = new ArrayList<>();
        metadata.path("authorization_servers").forEach(server -> servers.add(server.asString()));
        assertThat(servers).containsExactly(identity.issuer().toString());
        assertThat(metadata.path("tls_client_certificate_bound_access_tokens").asBoolean(false))
                .isFalse();
        assertThat(metadata.path("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
    }

    private static void declaresAccessRules(ApiOperation operation) {
        assertThat(operation.roles())
                .as("%s must declare who may call it (@Secured → %s)", operation, ROLES)
                .isNotEmpty();
        if (!operation.isRead()) {
            assertThat(operation.writeLimit())
                    .as("%s changes state: @WriteLimited or @NotWriteLimited(why) (%s)", operation, WRITE_LIMIT)
                    .isNotNull();
        }
    }

    private void unauthenticated(ApiOperation operation, Persona allowed, String token) {
        Map<String, String> values =
                fixture.pathValues(operation, allowed, true).orElseGet(() -> placeholders(operation));
        HttpResponse<String> response = send(request(
                operation.method(),
                target(operation, values, allowed),
                token,
                fixture.body(operation, allowed).orElse(null),
                fixture.headers(operation, allowed)));
        assertThat(response.statusCode()).as("%s", operation).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertProblem(response, 401);
    }

    private void allowedAndNothingExposed(ApiOperation operation, Persona persona, Map<String, String> values) {
        HttpResponse<String> response = send(operation, persona, values, fixture.body(operation, persona));
        assertThat(response.statusCode())
                .as("%s as %s: %s", operation, persona, response.body())
                .isBetween(200, 299);
        assertNothingExposed(operation, persona, response);
    }

    private void hidden(ApiOperation operation, Persona persona, Map<String, String> values) {
        HttpResponse<String> response = send(operation, persona, values, fixture.body(operation, persona));
        assertThat(response.statusCode())
                .as("%s as %s for another district's object: %s", operation, persona, response.body())
                .isEqualTo(404);
        assertProblem(response, 404);
        assertNothingExposed(operation, persona, response);
    }

    private void forbidden(ApiOperation operation, Persona persona, Persona allowed) {
        Map<String, String> values =
                fixture.pathValues(operation, allowed, true).orElseGet(() -> placeholders(operation));
        // The allowed persona's request, with only the token changed.
        HttpResponse<String> response = send(request(
                operation.method(),
                target(operation, values, allowed),
                identity.token(persona),
                fixture.body(operation, allowed).orElse(null),
                fixture.headers(operation, persona)));
        assertThat(response.statusCode())
                .as("%s as %s: %s", operation, persona, response.body())
                .isEqualTo(403);
        assertProblem(response, 403);
        assertNothingExposed(operation, persona, response);
    }

    private void massAssignment(ApiOperation operation, Persona allowed, String property) {
        Map<String, String> values =
                fixture.pathValues(operation, allowed, true).orElseGet(() -> placeholders(operation));
        String body = fixture.body(operation, allowed)
                .orElseThrow(() -> new AssertionError("The fixture has no body for " + operation));
        ObjectNode json = (ObjectNode) JSON.readTree(body);
        if (json.has(property)) {
            return;
        }
        json.put(property, "ADMIN");
        HttpResponse<String> response = send(operation, allowed, values, Optional.of(JSON.writeValueAsString(json)));
        assertThat(response.statusCode())
                .as("%s with \"%s\": %s", operation, property, response.body())
                .isEqualTo(400);
        assertProblem(response, 400);
    }

    private void writeLimit(ApiOperation operation, Persona persona) {
        fixture.resetWriteLimits();
        try {
            for (long i = 0; i < fixture.writeLimitCapacity(); i++) {
                HttpResponse<String> response = sendFresh(operation, persona);
                assertThat(response.statusCode())
                        .as("write %d of %d: %s", i + 1, fixture.writeLimitCapacity(), response.body())
                        .isBetween(200, 299);
            }
            HttpResponse<String> refused = sendFresh(operation, persona);
            assertThat(refused.statusCode()).as("one write beyond the limit").isEqualTo(429);
            assertProblem(refused, 429);
            assertThat(refused.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(
                            seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        } finally {
            fixture.resetWriteLimits();
        }
    }

    private void neverLimited(ApiOperation operation, Persona persona) {
        fixture.resetWriteLimits();
        try {
            for (long i = 0; i < fixture.writeLimitCapacity() + 5; i++) {
                HttpResponse<String> response = sendFresh(operation, persona);
                assertThat(response.statusCode())
                        .as("call %d: %s", i + 1, response.body())
                        .isBetween(200, 299);
            }
        } finally {
            fixture.resetWriteLimits();
        }
    }

    private HttpResponse<String> sendFresh(ApiOperation operation, Persona persona) {
        Map<String, String> values = fixture.pathValues(operation, persona, true)
                .orElseThrow(() -> new AssertionError("The fixture has no object for " + operation));
        return send(operation, persona, values, fixture.body(operation, persona));
    }

    private void assertNothingExposed(ApiOperation operation, Persona persona, HttpResponse<String> response) {
        String body = response.body();
        for (String secret : fixture.mustNotSee(persona, operation)) {
            if (body.contains(secret)) {
                fail("%s showed %s a value it may not see", operation, persona);
            }
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertProblem(response.headers().firstValue("Content-Type"), response.body(), status);
    }

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertProblem(Optional.ofNullable(answer.headers().get("content-type")), answer.body(), status);
    }

    private static void assertProblem(Optional<String> contentType, String body, int status) {
        assertThat(contentType).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString()).isNotBlank();
        assertThat(problem.path("title").asString()).isNotBlank();
    }

    /** The operation's path with its parameters filled in, and the fixture's query parameters for {@code persona}. */
    private String target(ApiOperation operation, Map<String, String> values, Persona persona) {
        String path = operation.path(values);
        Map<String, String> query = fixture.queryParameters(operation, persona);
        if (query.isEmpty()) {
            return path;
        }
        return path + "?"
                + query.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                        .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> placeholders(ApiOperation operation) {
        Map<String, String> values = new java.util.HashMap<>();
        operation
                .pathParameters()
                .forEach(name -> values.put(name, java.util.UUID.randomUUID().toString()));
        return values;
    }

    private Stream<Persona> allowedPersonas(ApiOperation operation) {
        return Arrays.stream(Persona.values()).filter(persona -> isAllowed(operation, persona));
    }

    private static boolean isAllowed(ApiOperation operation, Persona persona) {
        Set<String> roles = persona.roles();
        return operation.roles().stream().anyMatch(roles::contains);
    }

    private HttpResponse<String> send(
            ApiOperation operation, Persona persona, Map<String, String> values, Optional<String> body) {
        return send(request(
                operation.method(),
                target(operation, values, persona),
                identity.token(persona),
                body.orElse(null),
                fixture.headers(operation, persona)));
    }

    private HttpRequest request(String method, String path, String token, String body) {
        return request(method, path, token, body, Map.of());
    }

    private HttpRequest request(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(Duration.ofSeconds(30))
                // Any type last: an operation that answers with a document (a PDF) answers too.
                .header("Accept", "application/json, application/problem+json, */*;q=0.1")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return request.build();
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

    private static DynamicTest test(String name, org.junit.jupiter.api.function.Executable check) {
        return DynamicTest.dynamicTest(name, check);
    }
}
