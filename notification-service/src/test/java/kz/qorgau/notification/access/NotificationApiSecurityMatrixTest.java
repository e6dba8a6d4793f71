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

/**
 * notification-service's public port through the OWASP API Top 10 matrix. It has no operations of its
 * own yet, so today the matrix checks that the OpenAPI document, Swagger UI and unknown paths need a
 * token; an operation added later gets every case, and fails until it declares its roles.
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
    void hasNoOperationsYet() {
        // When this fails, an endpoint was added: give the fixture what its cases need, then drop this test.
        assertThat(matrix().operations()).isEmpty();
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
                URI.create("http://127.0.0.1:" + port), infrastructure.identity(), new Fixture(), context);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Fails for any operation: a new endpoint must teach it what its cases need. */
    private static final class Fixture implements ApiFixture {

        @Override
        public Optional<Map<String, String>> pathValues(ApiOperation operation, Persona persona, boolean own) {
            if (!operation.pathParameters().isEmpty()) {
                throw new AssertionError("No path values for " + operation + ": add them to the fixture");
            }
            return own ? Optional.of(Map.of()) : Optional.empty();
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
            return Set.of();
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
