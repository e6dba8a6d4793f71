package kz.qorgau.audit.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import kz.qorgau.audit.CatalogueTopics;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.SecurityProblems;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.http.ManagementEndpoints;
import kz.qorgau.testsupport.identity.Persona;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Who may read the trail: auditors its entries, operators only its integrity (no personal data), nobody
 * without a valid token; every refusal is a problem and counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure(sharedContext = "audit-service")
@Import(CatalogueTopics.class)
class AuditAccessTest {

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Value("${local.management.port}")
    int managementPort;

    AuditApi api;

    @BeforeEach
    void client() {
        api = new AuditApi(port);
    }

    @Test
    void anOperatorVerifiesTheTrailButMayNotReadItsEntries() {
        String operator = infrastructure.identity().token(Persona.OPERATOR);
        double refusedBefore = rejections("role", "403");

        HttpResponse<String> verified = api.get("/api/v1/audit/verify", operator);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(AuditApi.json(verified).get("intact").asBoolean()).isTrue();

        HttpResponse<String> entries = api.get("/api/v1/audit/entries?subject=" + UUID.randomUUID(), operator);
        assertProblem(entries, 403, Problems.FORBIDDEN.toString());
        assertThat(rejections("role", "403")).isEqualTo(refusedBefore + 1);
    }

    @Test
    void anAuditorReadsEntriesAndVerifies() {
        String auditor = infrastructure.identity().token(Persona.AUDITOR);
        assertThat(api.get("/api/v1/audit/entries?subject=" + UUID.randomUUID(), auditor)
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/audit/verify", auditor).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutATokenEveryPathOfThePublicPortIs401WithAProblemAndCounted() {
        double missingBefore = rejections("missing_token", "401");
        List<String> paths = List.of(
                "/api/v1/audit/entries?subject=" + UUID.randomUUID(),
                "/api/v1/audit/verify",
                "/v3/api-docs",
                "/swagger-ui.html",
                "/api/v1/no-such-endpoint");
        for (String path : paths) {
            HttpResponse<String> response = api.get(path, null);
            assertProblem(response, 401, Problems.UNAUTHENTICATED.toString());
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        }
        assertThat(rejections("missing_token", "401")).isEqualTo(missingBefore + paths.size());
        // The metric is scraped from the management port, which needs no token.
        assertThat(new ManagementEndpoints(managementPort).get("/prometheus").body())
                .contains("qorgau_security_rejections_total{")
                .contains("reason=\"missing_token\"");
    }

    @Test
    void aTokenForAnotherAudienceIs401AndCountedByItsReason() {
        double before = rejections("wrong_audience", "401");
        HttpResponse<String> response =
                api.get("/api/v1/audit/verify", infrastructure.identity().wrongAudienceToken(Persona.AUDITOR));
        assertProblem(response, 401, Problems.UNAUTHENTICATED.toString());
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
        assertThat(response.body()).doesNotContain(infrastructure.identity().token(Persona.AUDITOR));
        assertThat(rejections("wrong_audience", "401")).isEqualTo(before + 1);
    }

    @Test
    void theOpenApiDocumentNamesTheBearerSchemeAndEachOperationsRoles() {
        HttpResponse<String> response =
                api.get("/v3/api-docs", infrastructure.identity().token(Persona.OPERATOR));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = AuditApi.json(response);
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        assertThat(document.at("/paths/~1api~1v1~1audit~1entries/get/x-qorgau-roles")
                        .toString())
                .isEqualTo("[\"AUDITOR\"]");
        assertThat(document.at("/paths/~1api~1v1~1audit~1verify/get/x-qorgau-roles")
                        .toString())
                .isEqualTo("[\"AUDITOR\",\"OPERATOR\"]");
    }

    private double rejections(String reason, String status) {
        return meters.find(SecurityProblems.METRIC).tag("reason", reason).tag("status", status).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
        JsonNode problem = AuditApi.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("title").asString()).isNotBlank();
    }
}
