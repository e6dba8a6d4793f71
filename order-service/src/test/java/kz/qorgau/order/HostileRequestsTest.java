package kz.qorgau.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.security.ApiOperation;
import kz.qorgau.testsupport.security.ApiSecurityMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ten thousand generated hostile requests across every operation of the OpenAPI document (issue 12):
 * wrong types, huge and deeply nested JSON, invalid UTF-8, defective IINs, injection strings, wrong
 * content types, missing and stale If-Match, hostile path values and headers. Whatever the request, the
 * answer is no 5xx, every refusal an RFC 9457 problem, and a refused request changes nothing in the
 * database. The generator is seeded: a failure names its seed and case; {@code -Dqorgau.hostile.seed=}
 * replays it, {@code -Dqorgau.hostile.requests=} changes the count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure(sharedContext = "order-service")
class HostileRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final List<String> HOSTILE_STRINGS = List.of(
            "",
            " ",
            "\u0000",
            "' OR '1'='1",
            "1; DROP TABLE protective_order; --",
            "\"; DELETE FROM kit_outbox; --",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1:1/a}",
            "#{7*7}",
            "../../../../etc/passwd",
            "%00%2e%2e%2f",
            "\u202Eevil",
            "ａｂｃ",
            "🙂".repeat(500),
            "A".repeat(20_000),
            "null",
            "NaN",
            "-1",
            "9".repeat(400),
            "2026-02-30T25:61:00Z",
            "\r\nX-Injected: yes");
    /** IINs with every kind of defect: length, checksum, characters, padding, lookalike digits. */
    private static final List<String> DEFECTIVE_IINS = List.of(
            "",
            "85070330012",
            "8507033001270",
            "850703300128",
            "85070330012X",
            "000000000000",
            "999999999999",
            " 850703300127",
            "850703300127\n",
            "８５０７０３３００１２７",
            "8507033001２7",
            "-850703300127",
            "8.50703300127e11");

    private static final List<Object> WRONG_TYPES =
            List.of(0, -1, 1.5, Long.MAX_VALUE, true, false, List.of(), List.of(1, 2), Map.of(), Map.of("a", Map.of()));
    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=ISO-8859-1",
            "application/*",
            "*/*");
    private static final List<String> IF_MATCH = List.of(
            "\"v0\"", "\"v999999\"", "*", "v1", "W/\"v1\"", "\"v1\", \"v2\"", "\"" + "v".repeat(5000) + "\"", "\"\"");

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void noHostileRequestGetsA5xxOrAnythingButAProblemOrChangesAnythingWhenRefused() throws Exception {
        long seed = Long.getLong("qorgau.hostile.seed", System.nanoTime());
        int requests = Integer.getInteger("qorgau.hostile.requests", 10_000);
        Random random = new Random(seed);
        ApiClient officer = new ApiClient(port, infrastructure.identity(), Persona.OFFICER_A);
        jdbc.sql("DELETE FROM access_rate_bucket").update();
        HttpResponse<String> issued = officer.postOrder(OrderRequests.valid());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String order = ApiClient.json(issued).get("id").asString();
        List<ApiOperation> operations = operations(officer);
        assertThat(operations).hasSizeGreaterThan(15);
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();

        for (int n = 0; n < requests; n++) {
            ApiOperation operation = operations.get(random.nextInt(operations.size()));
            Case hostile = hostileCase(random, operation, order);
            String where = "seed=" + seed + " case #" + n + ": " + hostile;
            if (!operation.isRead()) {
                jdbc.sql("DELETE FROM access_rate_bucket").update();
            }
            List<Long> before = snapshot(order);
            HttpResponse<String> answer = send(hostile);
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            assertThat(answer.statusCode()).as(where + " -> " + answer.body()).isLessThan(500);
            if (answer.statusCode() >= 400) {
                assertThat(answer.headers().firstValue("Content-Type"))
                        .as(where + " -> " + answer.body())
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                JsonNode problem = JSON.readTree(answer.body());
                String got = where + " -> " + answer.statusCode() + " " + answer.body();
                assertThat(problem.path("status").asInt()).as(got).isEqualTo(answer.statusCode());
                assertThat(problem.path("type").asString()).as(got).isNotBlank();
                assertThat(snapshot(order))
                        .as(where + ": refused, yet the database changed")
                        .isEqualTo(before);
            }
        }
        System.out.printf("%d hostile requests (seed %d): %s%n", requests, seed, statuses);
        assertThat(statuses.keySet()).as("refusals of many kinds").contains(400, 404);
    }

    /**
     * What a refused request must not have changed: orders, their versions, their children, the court's
     * measures, the order's events.
     */
    private List<Long> snapshot(String order) {
        return jdbc.sql(
                        """
                        SELECT (SELECT count(*) FROM protective_order),
                               (SELECT coalesce(sum(version), 0) FROM protective_order),
                               (SELECT count(*) FROM order_violation),
                               (SELECT count(*) FROM compliance_check),
                               (SELECT count(*) FROM order_service_attempt),
                               (SELECT count(*) FROM offender_document),
                               (SELECT count(*) FROM break_glass_grant),
                               (SELECT count(*) FROM special_requirements),
                               (SELECT count(*) FROM special_requirements_extension),
                               (SELECT count(*) FROM reporting_visit),
                               (SELECT count(*) FROM approach_ban),
                               (SELECT count(*) FROM order_risk_assessment),
                               (SELECT count(*) FROM kit_outbox WHERE subject = :order)""")
                .param("order", order)
                .query((row, n) -> {
                    List<Long> values = new ArrayList<>();
                    for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                        values.add(row.getLong(i));
                    }
                    return values;
                })
                .single();
    }

    private record Case(
            String method, String path, Persona persona, Map<String, String> headers, byte[] body, String kind) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + path + " as " + persona + " [" + kind + "] headers=" + headers.keySet() + " body="
                    + (shown.length() > 200 ? shown.substring(0, 200) + "…(" + body.length + " bytes)" : shown);
        }
    }

    private static List<ApiOperation> operations(ApiClient client) {
        HttpResponse<String> document = client.get("/v3/api-docs");
        assertThat(document.statusCode()).isEqualTo(200);
        return ApiSecurityMatrix.operations(document.body());
    }

    private Case hostileCase(Random random, ApiOperation operation, String order) {
        Persona persona = operation.roles().isEmpty() ? null : persona(operation);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("If-Match", "\"v1\"");
        String kind;
        String path = fill(operation.path(), random, order);
        byte[] body = operation.hasBody() ? validBody(operation.path()).getBytes(StandardCharsets.UTF_8) : null;
        headers.put("Content-Type", "application/json");
        switch (random.nextInt(10)) {
            case 0 -> {
                kind = "hostile string in a field";
                body = mutateField(random, body, pick(random, HOSTILE_STRINGS));
            }
            case 1 -> {
                kind = "wrong type in a field";
                body = mutateField(random, body, pick(random, WRONG_TYPES));
            }
            case 2 -> {
                kind = "defective IIN";
                body = mutateField(random, body, pick(random, DEFECTIVE_IINS));
            }
            case 3 -> {
                kind = "deep or huge JSON";
                body = switch (random.nextInt(3)) {
                    case 0 -> ("[".repeat(3000) + "]".repeat(3000)).getBytes(StandardCharsets.UTF_8);
                    case 1 -> ("{\"a\":".repeat(1500) + "1" + "}".repeat(1500)).getBytes(StandardCharsets.UTF_8);
                    default -> ("[" + "0,".repeat(60_000) + "0]").getBytes(StandardCharsets.UTF_8);
                };
            }
            case 4 -> {
                kind = "invalid UTF-8";
                body = invalidUtf8(random, body != null ? body : "{\"code\": \"x\"}".getBytes(StandardCharsets.UTF_8));
            }
            case 5 -> {
                kind = "not JSON";
                body = pick(
                                random,
                                List.of(
                                        "not json",
                                        "{",
                                        "}",
                                        "",
                                        "[]",
                                        "null",
                                        "\"s\"",
                                        "123",
                                        "{\"a\":1,}",
                                        "\uFEFF{}"))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                kind = "wrong content type";
                headers.put("Content-Type", pick(random, CONTENT_TYPES));
            }
            case 7 -> {
                kind = "If-Match missing or stale";
                if (random.nextBoolean()) {
                    headers.remove("If-Match");
                } else {
                    headers.put("If-Match", pick(random, IF_MATCH));
                }
            }
            case 8 -> {
                kind = "hostile headers";
                headers.put("Idempotency-Key", pick(random, List.of("", " ", "x".repeat(5000), "' OR 1=1", "../")));
                headers.put("Qorgau-Purpose", pick(random, List.of("", "%", "%ZZ", "%C3%28", "x".repeat(5000))));
                headers.put("Accept", pick(random, List.of("text/html", "application/xml", "*/*", "application/pdf")));
            }
            default -> {
                kind = "hostile query";
                path = path + "?"
                        + pick(
                                random,
                                List.of(
                                        "page=-1",
                                        "size=999999",
                                        "list=%00",
                                        "status=%27",
                                        "within=P99999999D",
                                        "issuedFrom=0",
                                        "district=" + "A".repeat(300),
                                        "a=" + "%FF".repeat(50)));
            }
        }
        // An operation without a body gets one only where the mutation made one: a GET with a body is hostile too.
        return new Case(operation.method(), path, persona, headers, body, kind);
    }

    /** A persona of the order's district whose role the operation names (a court for courts' operations). */
    private static Persona persona(ApiOperation operation) {
        for (Persona persona : List.of(
                Persona.OFFICER_A,
                Persona.SUPERVISOR_A,
                Persona.COURT_CLERK,
                Persona.ANALYST,
                Persona.OPERATOR,
                Persona.AUDITOR)) {
            if (operation.roles().stream().anyMatch(persona.roles()::contains)) {
                return persona;
            }
        }
        return Persona.OFFICER_A;
    }

    private static String fill(String template, Random random, String order) {
        String filled = template;
        while (filled.contains("{")) {
            int start = filled.indexOf('{');
            int end = filled.indexOf('}', start);
            String value =
                    switch (random.nextInt(6)) {
                        case 0, 1, 2 -> order;
                        case 3 -> UUID.randomUUID().toString();
                        case 4 ->
                            pick(
                                    random,
                                    List.of(
                                            "..",
                                            "%2e%2e",
                                            "%00",
                                            "1%20OR%201%3D1",
                                            "x".repeat(300),
                                            "%C3%28",
                                            "null"));
                        default -> order.toUpperCase(java.util.Locale.ROOT);
                    };
            filled = filled.substring(0, start) + value + filled.substring(end + 1);
        }
        return filled;
    }

    private static String validBody(String path) {
        if (path.equals("/api/v1/orders")) {
            return OrderRequests.valid();
        }
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty")).toString();
        Map<String, String> bodies = Map.ofEntries(
                Map.entry("/api/v1/person-checks", OrderRequests.offenderCheck()),
                Map.entry("/api/v1/person-histories", OrderRequests.personHistory()),
                Map.entry("/offender-identification", "{\"iin\": \"" + OrderRequests.OFFENDER_IIN + "\"}"),
                Map.entry(
                        "/protected-person-identification",
                        "{\"document\": {\"type\": \"PASSPORT\", \"number\": \"N1\", \"citizenship\": \"UZB\"},"
                                + " \"iin\": \"" + OrderRequests.VICTIM_IIN + "\"}"),
                Map.entry(
                        "/api/v1/break-glass-grants",
                        "{\"district\": \"AST-ESIL\", \"reason\": \"A call-out to an assault\"}"),
                Map.entry("/review", "{\"outcome\": \"JUSTIFIED\"}"),
                Map.entry("/service", "{\"method\": \"SIGNED\"}"),
                Map.entry("/service-attempts", "{\"reason\": \"OFFENDER_NOT_FOUND\"}"),
                Map.entry("/void", "{\"reason\": \"ENTERED_IN_ERROR\"}"),
                Map.entry("/revocation", "{\"reason\": \"COURT_DECISION\"}"),
                Map.entry("/amendments", "{\"reason\": \"VICTIM_REQUEST\", \"prohibitions\": [\"DOMESTIC_VIOLENCE\"]}"),
                Map.entry("/violations", "{\"source\": \"OFFICER\", \"breached\": [\"CONTACTING_VICTIM\"]}"),
                Map.entry("/confirmation", "{\"caseNumber\": \"HOSTILE-461-1\"}"),
                Map.entry("/checks", "{\"method\": \"VISIT\"}"),
                Map.entry("/corrections", "{\"checkedAt\": \"2026-11-30T00:00:00Z\", \"reason\": \"WRONG_TIME\"}"),
                Map.entry("/document-verifications", "{\"code\": \"AAAA-BBBB-CCCC-DDDD-EEEE-FFFF\"}"),
                Map.entry(
                        "/api/v1/special-requirements",
                        """
                        {"administrativeCase": "HOSTILE-1", "district": "ALM-BOSTANDYK", "court": "HOSTILE-COURT",
                         "caseNumber": "HOSTILE-1", "decisionDate": "%1$s", "effectiveDate": "%1$s", "termMonths": 3,
                         "offenderIin": "%2$s", "bans": ["CONTACTING_VICTIM"]}"""
                                .formatted(today, OrderRequests.OFFENDER_IIN)),
                Map.entry(
                        "/api/v1/approach-bans",
                        """
                        {"criminalCase": "HOSTILE-CR-1", "district": "ALM-BOSTANDYK", "court": "HOSTILE-COURT",
                         "caseNumber": "HOSTILE-1", "decisionDate": "%1$s", "effectiveDate": "%1$s",
                         "distanceMeters": 100, "offenderIin": "%2$s"}"""
                                .formatted(today, OrderRequests.OFFENDER_IIN)),
                Map.entry("/end", "{\"reason\": \"COURT_DECISION\", \"decisionDate\": \"" + today + "\"}"),
                Map.entry(
                        "/extensions",
                        "{\"court\": \"HOSTILE-COURT\", \"caseNumber\": \"HOSTILE-2\", \"decisionDate\": \"" + today
                                + "\", \"months\": 1}"),
                Map.entry("/reporting-schedule", "{\"weekday\": \"MONDAY\", \"weeks\": [1, 3]}"),
                Map.entry("/risk-assessments", "{\"level\": \"HIGH\"}"));
        return bodies.entrySet().stream()
                .filter(entry -> path.endsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("{}");
    }

    /** The body with one field, anywhere in it, replaced by {@code value} (a new field in an empty body). */
    private static byte[] mutateField(Random random, byte[] body, Object value) {
        JsonNode json = JSON.readTree(body == null ? new byte[] {'{', '}'} : body);
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(json, objects);
        ObjectNode target = objects.isEmpty() ? JSON.createObjectNode() : pick(random, objects);
        List<String> names = new ArrayList<>(target.propertyNames());
        String name = names.isEmpty() ? "iin" : pick(random, names);
        target.set(name, JSON.valueToTree(value));
        return JSON.writeValueAsBytes(objects.isEmpty() ? target : json);
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.forEach(child -> collectObjects(child, objects));
    }

    private static byte[] invalidUtf8(Random random, byte[] body) {
        byte[][] broken = {
            {(byte) 0xC3, 0x28},
            {(byte) 0xFF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}
        };
        String text = new String(body, StandardCharsets.UTF_8);
        int quote = text.indexOf("\": \"");
        int at = quote < 0 ? body.length / 2 : text.substring(0, quote + 4).getBytes(StandardCharsets.UTF_8).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(broken[random.nextInt(broken.length)]);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private HttpResponse<String> send(Case hostile) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + hostile.path()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        hostile.method(),
                        hostile.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
        if (!hostile.headers().containsKey("Accept")) {
            request.header("Accept", "application/json, application/problem+json, */*;q=0.1");
        }
        hostile.headers().forEach((name, value) -> {
            if (!(name.equals("Content-Type") && hostile.body() == null)) {
                request.header(name, value);
            }
        });
        if (hostile.persona() != null) {
            request.header(
                    "Authorization", "Bearer " + infrastructure.identity().token(hostile.persona()));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
