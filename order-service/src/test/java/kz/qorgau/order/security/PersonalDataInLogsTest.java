package kz.qorgau.order.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.http.ManagementEndpoints;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import kz.qorgau.testsupport.tracing.RecordedSpans;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A request's trace, and a full scenario with the service's own and the web framework's DEBUG logging on, then every captured
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
@Import(RecordedSpans.class)
class PersonalDataInLogsTest {

    @Autowired
    TestInfrastructure infrastructure;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    RecordedSpans spans;

    @Autowired
    JdbcClient jdbc;

    @Test
    void oneTraceJoinsTheRequestTheStoredEventAndItsPublish() {
        ApiClient officer = new ApiClient(port, infrastructure.identity(), Persona.OFFICER_A);
        try (EventTopicReader orders =
                EventTopicReader.open(infrastructure.kafka(), infrastructure.topic(Topics.ORDERS_TOPIC))) {
            HttpResponse<String> created = officer.postOrder(OrderRequests.valid());
            assertThat(created.statusCode()).isEqualTo(201);
            String id = ApiClient.json(created).get("id").asString();
            String stored = jdbc.sql("SELECT traceparent FROM kit_outbox WHERE subject = :id")
                    .param("id", id)
                    .query(String.class)
                    .single();
            String traceId = RecordedSpans.traceId(stored);

            ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> orders.drain(Duration.ofMillis(200)).stream()
                                    .filter(candidate -> id.equals(candidate.key()))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            String published =
                    new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII);
            SpanData publish = await().atMost(Duration.ofSeconds(30))
                    .until(() -> spans.span(RecordedSpans.spanId(published)), span -> span != null);

            // The request's server span and the publish are one trace; the publish's parent is the stored context.
            assertThat(spans.inTrace(traceId))
                    .anySatisfy(span -> assertThat(span.getKind()).isEqualTo(SpanKind.SERVER));
            assertThat(publish.getTraceId()).isEqualTo(traceId);
            assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(publish.getParentSpanId()).isEqualTo(RecordedSpans.spanId(stored));
            assertThat(new String(record.headers().lastHeader("ce_traceparent").value(), StandardCharsets.US_ASCII))
                    .isEqualTo(stored);
            // The request's meters were recorded in its span; the scrape Prometheus reads carries no exemplar.
            assertThat(new ManagementEndpoints(managementPort).openMetricsScrape())
                    .contains("uri=\"/api/v1/orders\"");
        }
    }

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

        List<String> logged = output.getAll().lines().toList();
        // The request's lines carry its trace id, in either format (docs/adr/0033).
        String traceId = RecordedSpans.traceId(
                jdbc.sql("SELECT traceparent FROM kit_outbox WHERE subject = :id ORDER BY sequence LIMIT 1")
                        .param("id", id)
                        .query(String.class)
                        .single());
        assertThat(logged).anySatisfy(line -> assertThat(line).contains(traceId));
        assertFormat(logged);
        List<String> lines = new ArrayList<>(logged);
        // The spans that would be exported are scanned too (docs/adr/0033).
        await().atMost(Duration.ofSeconds(30)).until(() -> spans.all().stream()
                .anyMatch(span -> span.getName().equals("outbox publish")));
        List<String> exported = spans.exportedTexts();
        assertThat(exported).hasSizeGreaterThan(5);
        lines.addAll(exported);
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

    /** Plain lines here; the JSON variant checks its own. */
    void assertFormat(List<String> lines) {
        assertThat(lines).noneMatch(line -> line.startsWith("{\""));
    }
}
