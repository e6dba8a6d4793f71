package kz.qorgau.order.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
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

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

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
            Persona issuer = objectDistrict.equals("AST-ESIL") ? Persona.OFFICER_B : Persona.OFFICER_A;
            return Optional.of(Map.of("id", created(issuer, "/api/v1/orders", orderBody(objectDistrict))));
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
                return Optional.of("{\"iin\": \"" + OrderRequests.OFFENDER_IIN + "\"}");
            }
            if (path.equals("/api/v1/break-glass-grants")) {
                return Optional.of(breakGlassBody());
            }
            if (path.endsWith("/review")) {
                return Optional.of("{\"outcome\": \"JUSTIFIED\"}");
            }
            throw new AssertionError("No body for " + operation + ": add one to the fixture");
        }

        @Override
        public Map<String, String> headers(ApiOperation operation, Persona persona) {
            return operation.path().endsWith("/victim-contacts")
                    ? Map.of("Qorgau-Purpose", "security matrix")
                    : Map.of();
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
            return OrderRequests.valid("MATRIX-UP-" + units.incrementAndGet(), district);
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
