package kz.qorgau.order.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kz.qorgau.kit.security.Role;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.order.approachban.ApproachBanRequest;
import kz.qorgau.order.approachban.ApproachBans;
import kz.qorgau.order.requirements.ImposeRequest;
import kz.qorgau.order.requirements.SpecialRequirementsRecords;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.security.ApiFixture;
import kz.qorgau.testsupport.security.ApiOperation;
import kz.qorgau.testsupport.security.ApiSecurityMatrix;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every operation of order-service's OpenAPI document through the OWASP API Top 10 matrix. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "qorgau.access.write-limit.capacity=" + OrderApiSecurityMatrixTest.CAPACITY
        })
@QorgauInfrastructure
class OrderApiSecurityMatrixTest {

    static final int CAPACITY = 5;

    /** A district no persona works in: break-glass grants go there, so no grant opens a matrix case. */
    static final String THIRD_DISTRICT = "KRG-CENTER";

    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    static final String MATRIX_CHILD_DOCUMENT =
            "{\"type\": \"FOREIGN_ID\", \"number\": \"MATRIX-CHILD-1\", \"citizenship\": \"KGZ\"}";

    static final String MATRIX_CHILD_IIN = OrderRequests.uniqueIin("190305", '6');

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SpecialRequirementsRecords requirements;

    @Autowired
    ApproachBans approachBans;

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicNode> everyOperationAgainstTheMatrix() {
        return ApiSecurityMatrix.of(
                        URI.create("http://127.0.0.1:" + port), infrastructure.identity(), new Fixture(), context)
                .tests();
    }

    private final class Fixture implements ApiFixture {

        private final AtomicInteger units = new AtomicInteger();

        /** The ETag of the order prepared last, for the If-Match of the operation under test. */
        private String lastETag = "\"v1\"";

        /** When the check prepared last happened, for a correction's body. */
        private String lastCheckedAt = Instant.now().toString();

        @Override
        public Optional<Map<String, String>> pathValues(ApiOperation operation, Persona persona, boolean own) {
            if (operation.pathParameters().isEmpty()) {
                return own ? Optional.of(Map.of()) : Optional.empty();
            }
            String district = persona.district();
            if (district == null && !own) {
                return Optional.empty();
            }
            String objectDistrict = own
                    ? (district == null ? OrderRequests.DISTRICT : district)
                    : (district.equals(OrderRequests.DISTRICT) ? "AST-ESIL" : OrderRequests.DISTRICT);
            if (operation.path().startsWith("/api/v1/break-glass-grants/")) {
                // A grant the persona may review (held by staff of their district), or one they may not.
                Persona holder = objectDistrict.equals("AST-ESIL") ? Persona.OFFICER_B : Persona.OFFICER_A;
                return Optional.of(Map.of("id", created(holder, "/api/v1/break-glass-grants", breakGlassBody())));
            }
            if (operation.path().startsWith("/api/v1/special-requirements/")) {
                // Requirements in force in the district, imposed without a request: no write of a persona spent.
                lastETag = "\"v1\"";
                return Optional.of(Map.of("id", requirementsIn(objectDistrict).toString()));
            }
            if (operation.path().startsWith("/api/v1/approach-bans/")) {
                lastETag = "\"v1\"";
                return Optional.of(Map.of("id", banIn(objectDistrict).toString()));
            }
            if (!own) {
                // Another district's order: 404 before anything else is looked at, so no state is needed.
                Persona issuer = objectDistrict.equals("AST-ESIL") ? Persona.OFFICER_B : Persona.OFFICER_A;
                String id = created(issuer, "/api/v1/orders", orderBody(objectDistrict));
                lastETag = "\"v1\"";
                return Optional.of(Map.of(
                        "id",
                        id,
                        "violationId",
                        UUID.randomUUID().toString(),
                        "checkId",
                        UUID.randomUUID().toString()));
            }
            return Optional.of(orderInState(operation.path(), persona, objectDistrict));
        }

        /**
         * A new order of the district in the state the operation needs, prepared by another member of its
         * staff than {@code persona}, so that the preparation never counts against the write limit under test.
         */
        private Map<String, String> orderInState(String path, Persona persona, String district) {
            Persona preparer = district.equals("AST-ESIL")
                    ? Persona.OFFICER_B
                    : (persona == Persona.OFFICER_A ? Persona.SUPERVISOR_A : Persona.OFFICER_A);
            String id = created(preparer, "/api/v1/orders", orderBody(district));
            String order = "/api/v1/orders/" + id;
            Map<String, String> values = new HashMap<>(Map.of("id", id));
            lastETag = "\"v1\"";
            boolean needsService =
                    path.endsWith("/revocation") || path.contains("/violations") || path.contains("/checks");
            if (!needsService) {
                return values;
            }
            lastETag = change(preparer, order + "/service", "{\"method\": \"SIGNED\"}")
                    .etag();
            if (path.contains("/checks/")) {
                Changed check = change(preparer, order + "/checks", "{}");
                lastETag = check.etag();
                values.put("checkId", check.json().get("id").asString());
                lastCheckedAt = check.json().get("checkedAt").asString();
            }
            if (path.contains("/violations/")) {
                Changed violation =
                        change(preparer, order + "/violations", "{\"source\": \"OFFICER\", \"breached\": []}");
                lastETag = violation.etag();
                String violationId = violation.json().get("id").asString();
                values.put("violationId", violationId);
                // Supervisors' steps are set in the database: no write of a persona under test is spent.
                if (path.endsWith("/arrest") || path.endsWith("/arrest-end")) {
                    jdbc.sql(
                                    """
                                    UPDATE order_violation SET status = 'CONFIRMED', case_number = 'MATRIX',
                                        confirmed_by = 'matrix', confirmed_at = occurred_at,
                                        arrest_started_at = CASE WHEN :started THEN occurred_at END
                                    WHERE id = :id
                                    """)
                            .param("started", path.endsWith("/arrest-end"))
                            .param("id", UUID.fromString(violationId))
                            .update();
                }
            }
            return values;
        }

        private UUID requirementsIn(String district) {
            return requirements
                    .impose(
                            new Staff("matrix-court", Set.of(Role.COURT), null),
                            Optional.empty(),
                            JsonMapper.builder().build().readValue(requirementsBody(district), ImposeRequest.class))
                    .id();
        }

        private UUID banIn(String district) {
            return approachBans
                    .impose(
                            new Staff("matrix-court", Set.of(Role.COURT), null),
                            Optional.empty(),
                            JsonMapper.builder().build().readValue(banBody(district), ApproachBanRequest.class))
                    .id();
        }

        private String banBody(String district) {
            return """
                    {"criminalCase": "MATRIX-CR-%d", "district": "%s", "court": "MATRIX-COURT",
                     "caseNumber": "MATRIX-1", "decisionDate": "%s", "effectiveDate": "%s", "distanceMeters": 100,
                     "offenderIin": "%s"}"""
                    .formatted(
                            units.incrementAndGet(),
                            district,
                            LocalDate.now(ALMATY),
                            LocalDate.now(ALMATY),
                            OrderRequests.OFFENDER_IIN);
        }

        private String requirementsBody(String district) {
            return """
                    {"administrativeCase": "MATRIX-%d", "district": "%s", "court": "MATRIX-COURT",
                     "caseNumber": "MATRIX-1", "decisionDate": "%s", "effectiveDate": "%s", "termMonths": 3,
                     "offenderIin": "%s", "bans": ["CONTACTING_VICTIM"]}"""
                    .formatted(
                            units.incrementAndGet(),
                            district,
                            LocalDate.now(ALMATY),
                            LocalDate.now(ALMATY),
                            OrderRequests.OFFENDER_IIN);
        }

        private record Changed(String etag, JsonNode json) {}

        private Changed change(Persona persona, String path, String body) {
            ApiClient api = new ApiClient(port, infrastructure.identity(), persona);
            HttpResponse<String> response = api.post(path, body, Map.of("If-Match", lastETag));
            if (response.statusCode() == 429) {
                jdbc.sql("DELETE FROM access_rate_bucket WHERE id = :id")
                        .param("id", "write:" + persona.subject())
                        .update();
                response = api.post(path, body, Map.of("If-Match", lastETag));
            }
            assertThat(response.statusCode())
                    .as("preparing %s: %s", path, response.body())
                    .isBetween(200, 201);
            return new Changed(response.headers().firstValue("ETag").orElseThrow(), ApiClient.json(response));
        }

        @Override
        public Optional<String> body(ApiOperation operation, Persona persona) {
            if (!operation.hasBody()) {
                return Optional.empty();
            }
            String path = operation.path();
            if (path.equals("/api/v1/orders")) {
                return Optional.of(orderBody(persona.district() == null ? OrderRequests.DISTRICT : persona.district()));
            }
            if (path.equals("/api/v1/person-checks")) {
                return Optional.of(OrderRequests.offenderCheck());
            }
            if (path.endsWith("/offender-identification")) {
                // The fixture's measures name their offender by this IIN: linking it again changes nothing.
                return Optional.of("{\"iin\": \"" + OrderRequests.OFFENDER_IIN + "\"}");
            }
            if (path.endsWith("/protected-person-identification")) {
                // The same child in every matrix order, linked to the same IIN: again changes nothing.
                return Optional.of(
                        "{\"document\": " + MATRIX_CHILD_DOCUMENT + ", \"iin\": \"" + MATRIX_CHILD_IIN + "\"}");
            }
            if (path.equals("/api/v1/person-histories")) {
                return Optional.of(OrderRequests.personHistory());
            }
            if (path.equals("/api/v1/break-glass-grants")) {
                return Optional.of(breakGlassBody());
            }
            if (path.endsWith("/review")) {
                return Optional.of("{\"outcome\": \"JUSTIFIED\"}");
            }
            if (path.equals("/api/v1/special-requirements")) {
                return Optional.of(requirementsBody(OrderRequests.DISTRICT));
            }
            if (path.equals("/api/v1/approach-bans")) {
                return Optional.of(banBody(OrderRequests.DISTRICT));
            }
            if (path.startsWith("/api/v1/approach-bans/") && path.endsWith("/end")) {
                return Optional.of(
                        "{\"reason\": \"COURT_DECISION\", \"decisionDate\": \"%s\"}".formatted(LocalDate.now(ALMATY)));
            }
            if (path.endsWith("/extensions")) {
                return Optional.of(
                        "{\"court\": \"MATRIX-COURT\", \"caseNumber\": \"MATRIX-2\", \"decisionDate\": \"%s\", \"months\": 1}"
                                .formatted(LocalDate.now(ALMATY)));
            }
            if (path.endsWith("/reporting-schedule")) {
                return Optional.of("{\"weekday\": \"MONDAY\", \"weeks\": [1, 3]}");
            }
            if (path.endsWith("/risk-assessments")) {
                return Optional.of("{\"level\": \"HIGH\"}");
            }
            if (path.endsWith("/reporting-visits")) {
                return Optional.of("{}");
            }
            Map<String, String> lifecycle = Map.of(
                    "/service", "{\"method\": \"SIGNED\"}",
                    "/service-attempts", "{\"reason\": \"OFFENDER_NOT_FOUND\"}",
                    "/void", "{\"reason\": \"ENTERED_IN_ERROR\"}",
                    "/revocation", "{\"reason\": \"COURT_DECISION\"}",
                    "/amendments", "{\"reason\": \"VICTIM_REQUEST\", \"prohibitions\": [\"DOMESTIC_VIOLENCE\"]}",
                    "/violations", "{\"source\": \"OFFICER\", \"breached\": [\"CONTACTING_VICTIM\"]}",
                    "/confirmation", "{\"caseNumber\": \"MATRIX-461-1\"}",
                    "/checks", "{\"method\": \"VISIT\"}",
                    "/corrections", "{\"checkedAt\": \"%s\", \"reason\": \"WRONG_TIME\"}".formatted(lastCheckedAt));
            for (Map.Entry<String, String> entry : lifecycle.entrySet()) {
                if (path.endsWith(entry.getKey())) {
                    return Optional.of(entry.getValue());
                }
            }
            if (path.endsWith("/arrest") || path.endsWith("/arrest-end")) {
                return Optional.of("{}");
            }
            throw new AssertionError("No body for " + operation + ": add one to the fixture");
        }

        @Override
        public Map<String, String> headers(ApiOperation operation, Persona persona) {
            if (operation.path().endsWith("/victim-contacts")) {
                return Map.of("Qorgau-Purpose", "security matrix");
            }
            // A change of an order names the ETag of the order the fixture prepared last.
            boolean changesAnOrder = !operation.isRead()
                    && (operation.path().startsWith("/api/v1/orders/")
                            || operation.path().startsWith("/api/v1/special-requirements/")
                            || operation.path().startsWith("/api/v1/approach-bans/"))
                    && !operation.pathParameters().isEmpty();
            return changesAnOrder ? Map.of("If-Match", lastETag) : Map.of();
        }

        @Override
        public Set<String> mustNotSee(Persona persona, ApiOperation operation) {
            boolean readsContacts =
                    persona.roles().contains("SUPERVISOR") && operation.path().endsWith("/victim-contacts");
            if (readsContacts) {
                return Set.of();
            }
            if (persona.roles().contains("OPERATOR") || persona.roles().contains("AUDITOR")) {
                // No personal data at all.
                return Set.of(
                        OrderRequests.VICTIM_PHONE,
                        OrderRequests.VICTIM_EMAIL,
                        OrderRequests.OFFENDER_IIN,
                        OrderRequests.VICTIM_IIN,
                        "Ахмет");
            }
            return Set.of(OrderRequests.VICTIM_PHONE, OrderRequests.VICTIM_EMAIL);
        }

        @Override
        public long writeLimitCapacity() {
            return CAPACITY;
        }

        @Override
        public void resetWriteLimits() {
            jdbc.sql("DELETE FROM access_rate_bucket").update();
        }

        private String orderBody(String district) {
            // Every matrix order protects the same child recorded by a document, for the link to an IIN.
            return OrderRequests.valid("MATRIX-UP-" + units.incrementAndGet(), district)
                    .replace(
                            "\"prohibitions\":",
                            "\"protectedPersons\": [{\"lastName\": \"Осмонова\", \"firstName\": \"Айжан\","
                                    + " \"relation\": \"CHILD\", \"document\": " + MATRIX_CHILD_DOCUMENT
                                    + "}], \"prohibitions\":");
        }

        private static String breakGlassBody() {
            return """
                    {"district": "%s", "reason": "Security matrix: a call-out far from home"}"""
                    .formatted(THIRD_DISTRICT);
        }

        /** Creates an object as {@code persona}; its own writes never count against the case under test. */
        private String created(Persona persona, String path, String body) {
            ApiClient api = new ApiClient(port, infrastructure.identity(), persona);
            HttpResponse<String> response = api.post(path, body, Map.of());
            if (response.statusCode() == 429) {
                jdbc.sql("DELETE FROM access_rate_bucket WHERE id = :id")
                        .param("id", "write:" + persona.subject())
                        .update();
                response = api.post(path, body, Map.of());
            }
            assertThat(response.statusCode())
                    .as("setting up %s: %s", path, response.body())
                    .isEqualTo(201);
            return ApiClient.json(response).get("id").asString();
        }
    }
}
