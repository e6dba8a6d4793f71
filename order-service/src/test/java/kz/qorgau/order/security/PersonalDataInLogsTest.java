package kz.qorgau.order.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A full scenario with the service's own and the web framework's DEBUG logging on, then every captured
 * line scanned for the test people's IINs, phones, e-mails and names: zero hits.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "logging.level.kz.qorgau=DEBUG",
            "logging.level.org.springframework.web=DEBUG",
            "logging.level.org.springframework.security=DEBUG",
            "logging.level.org.springframework.jdbc=DEBUG"
        })
@QorgauInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataInLogsTest {

    @Autowired
    TestInfrastructure infrastructure;

    @LocalServerPort
    int port;

    @Test
    void noPersonalDataReachesTheLog(CapturedOutput output) {
        ApiClient officerA = new ApiClient(port, infrastructure.identity(), Persona.OFFICER_A);
        HttpResponse<String> created = officerA.postOrder(OrderRequests.valid());
        assertThat(created.statusCode()).isEqualTo(201);
        String id = ApiClient.json(created).get("id").asString();
        assertThat(officerA.get("/api/v1/orders/" + id).statusCode()).isEqualTo(200);
        assertThat(officerA.as(Persona.SUPERVISOR_A)
                        .get("/api/v1/orders/" + id + "/victim-contacts", Map.of("Qorgau-Purpose", "log scan"))
                        .statusCode())
                .isEqualTo(200);
        ApiClient officerB = officerA.as(Persona.OFFICER_B);
        assertThat(officerB.post("/api/v1/person-checks", OrderRequests.offenderCheck(), Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertThat(officerB.post(
                                "/api/v1/break-glass-grants",
                                "{\"district\": \"ALM-BOSTANDYK\", \"reason\": \"Log scan: emergency call-out\"}",
                                Map.of())
                        .statusCode())
                .isEqualTo(201);
        assertThat(officerB.get("/api/v1/orders/" + id).statusCode()).isEqualTo(200);
        // Refused requests log too: an invalid body, another district, a bad token.
        assertThat(officerA.postOrder(OrderRequests.valid().replace("\"Айгерим\"", "\"\""))
                        .statusCode())
                .isEqualTo(400);
        assertThat(officerA.postOrder(OrderRequests.valid("UNIT-X", "AST-ESIL")).statusCode())
                .isEqualTo(403);
        assertThat(new ApiClient(port)
                        .get(
                                "/api/v1/orders/" + id,
                                Map.of(
                                        "Authorization",
                                        "Bearer " + infrastructure.identity().expiredToken(Persona.OFFICER_A)))
                        .statusCode())
                .isEqualTo(401);

        List<String> lines = output.getAll().lines().toList();
        assertThat(lines).as("the scan reads what the scenario logged").hasSizeGreaterThan(50);
        List<String> hits = new ArrayList<>();
        List<String> personalData = List.of(
                OrderRequests.OFFENDER_IIN,
                OrderRequests.VICTIM_IIN,
                OrderRequests.VICTIM_PHONE,
                OrderRequests.VICTIM_PHONE.substring(1),
                OrderRequests.VICTIM_EMAIL,
                "Ахмет",
                "Айгерим",
                "Ерлан",
                "Серикович");
        for (int i = 0; i < lines.size(); i++) {
            for (String value : personalData) {
                if (lines.get(i).contains(value)) {
                    // Name the line and the kind of value, never the line itself.
                    hits.add("line " + (i + 1) + " holds personal data #" + personalData.indexOf(value));
                }
            }
        }
        assertThat(hits).isEmpty();
    }
}
