package kz.qorgau.notification.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import kz.qorgau.kit.security.SecurityProblems;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.security.ApiFixture;
import kz.qorgau.testsupport.security.ApiOperation;
import kz.qorgau.testsupport.security.ApiSecurityMatrix;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * notification-service's public port through the OWASP API Top 10 matrix: notice status by order (its
 * district's officers and supervisors only, another district's order as unknown as a missing one, no
 * address in any answer), the victim's contacts' states (its district's supervisors only), the public
 * acknowledgement and verification pages, and the OpenAPI document, Swagger UI and unknown paths need a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure(smtp = true, sharedContext = "notification-service")
class NotificationApiSecurityMatrixTest {

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicNode> everyOperationAgainstTheMatrix() {
        return matrix().tests();
    }

    @Test
    void anOfficerSeesWhereTheOrdersNoticesStandByRoleAndChannelWithoutAddresses() throws Exception {
        var fixture = new Fixture(context.getBean(JdbcClient.class));
        UUID orderId = fixture.orderWithANotice(Persona.OFFICER_A.district());

        HttpResponse<String> response = get(
                "/api/v1/orders/" + orderId + "/notices",
                infrastructure.identity().token(Persona.OFFICER_A));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"recipientRole\":\"DUTY_UNIT\"", "\"channel\":\"EMAIL\"", "\"status\":\"SENT\"")
                .doesNotContain(Fixture.ADDRESS);
        assertThat(get(
                                "/api/v1/orders/" + orderId + "/notices",
                                infrastructure.identity().token(Persona.OFFICER_B))
                        .statusCode())
                .as("another district's officer")
                .isEqualTo(404);
    }

    @Test
    void swaggerUiNeedsATokenAndEveryRefusalIsCounted() throws Exception {
        double before =
                meters
                        .find(SecurityProblems.METRIC)
                        .tag("reason", "missing_token")
                        .tag("status", "401")
                        .counters()
                        .stream()
                        .mapToDouble(Counter::count)
                        .sum();
        HttpResponse<String> anonymous = get("/swagger-ui.html", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(
                        meters
                                .find(SecurityProblems.METRIC)
                                .tag("reason", "missing_token")
                                .tag("status", "401")
                                .counters()
                                .stream()
                                .mapToDouble(Counter::count)
                                .sum())
                .isEqualTo(before + 1);
        // Any role may read the documentation.
        assertThat(get("/swagger-ui.html", infrastructure.identity().token(Persona.OFFICER_B))
                        .statusCode())
                .isIn(200, 302);
        assertThat(get("/v3/api-docs", infrastructure.identity().token(Persona.COURT_CLERK))
                        .statusCode())
                .isEqualTo(200);
    }

    private ApiSecurityMatrix matrix() {
        return ApiSecurityMatrix.of(
                URI.create("http://127.0.0.1:" + port),
                infrastructure.identity(),
                new Fixture(context.getBean(JdbcClient.class)),
                context);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Notices of fresh orders in the persona's district (own) or another one; fails for any other operation. */
    private static final class Fixture implements ApiFixture {

        private static final String ADDRESS = "duty.matrix@police.example.kz";

        private final JdbcClient jdbc;

        Fixture(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public Optional<Map<String, String>> pathValues(ApiOperation operation, Persona persona, boolean own) {
            if (operation.pathParameters().isEmpty()) {
                return own ? Optional.of(Map.of()) : Optional.empty();
            }
            if (persona.district() == null) {
                return Optional.empty();
            }
            String district = own ? persona.district() : persona.district() + "-OTHER";
            if (operation.path().equals("/api/v1/orders/{id}/contacts")) {
                return Optional.of(Map.of("id", orderWithAContact(district).toString()));
            }
            if (!operation.path().equals("/api/v1/orders/{id}/notices")) {
                throw new AssertionError("No path values for " + operation + ": add them to the fixture");
            }
            return Optional.of(Map.of("id", orderWithANotice(district).toString()));
        }

        private UUID orderWithANotice(String district) {
            UUID orderId = UUID.randomUUID();
            jdbc.sql(
                            """
                    INSERT INTO notice (id, event_id, order_id, recipient_role, recipient, channel, status, attempts,
                        created_at, sent_at, district, event_type, subject, body)
                    VALUES (:id, :eventId, :orderId, 'DUTY_UNIT', :address, 'EMAIL', 'SENT', 1, now(), now(),
                        :district, 'kz.qorgau.order.issued.v1', 'subject', 'body')
                    """)
                    .param("id", UUID.randomUUID())
                    .param("eventId", UUID.randomUUID())
                    .param("orderId", orderId)
                    .param("address", ADDRESS)
                    .param("district", district)
                    .update();
            return orderId;
        }

        /** A victim's contact as notification-service keeps it: its address sealed (a stand-in here). */
        private UUID orderWithAContact(String district) {
            UUID orderId = UUID.randomUUID();
            jdbc.sql(
                            """
                    INSERT INTO victim_contact (id, order_id, event_id, position, district, channel, language,
                        address_sealed, state, created_at)
                    VALUES (:id, :orderId, :eventId, 0, :district, 'SMS', 'kk',
                        '{"keyId": "k", "algorithm": "AES-256-GCM", "nonce": "n", "ciphertext": "c"}', 'UNVERIFIED',
                        now())
                    """)
                    .param("id", UUID.randomUUID())
                    .param("orderId", orderId)
                    .param("eventId", UUID.randomUUID())
                    .param("district", district)
                    .update();
            return orderId;
        }

        @Override
        public Optional<String> body(ApiOperation operation, Persona persona) {
            if (operation.hasBody()) {
                throw new AssertionError("No body for " + operation + ": add one to the fixture");
            }
            return Optional.empty();
        }

        @Override
        public Set<String> mustNotSee(Persona persona, ApiOperation operation) {
            // A notice's address never leaves the service.
            return Set.of(ADDRESS);
        }

        @Override
        public long writeLimitCapacity() {
            return 0;
        }

        @Override
        public void resetWriteLimits() {
            // No write limits yet.
        }
    }
}
