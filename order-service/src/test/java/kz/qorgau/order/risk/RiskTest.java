package kz.qorgau.order.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.RiskLevel;
import kz.qorgau.events.RiskLevelChanged;
import kz.qorgau.events.RiskReassessmentOverdue;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.order.OrderServiceHttpTest;
import org.junit.jupiter.api.Test;

/**
 * The order's risk level over HTTP on a real PostgreSQL and Kafka, in the shared context: set at issue,
 * raised by an officer, lowered only by a supervisor with a reason, and a re-assessment overdue by
 * level published once.
 */
class RiskTest extends OrderServiceHttpTest {

    @Test
    void setAtIssueRaisedByAnOfficerLoweredBySupervisorWithAReasonAndOverdueOnce() {
        HttpResponse<String> issued = officer.postOrder(
                OrderRequests.valid().replace("\"district\":", "\"riskLevel\": \"MEDIUM\", \"district\":"));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String id = ApiClient.json(issued).get("id").asString();
        String path = "/api/v1/orders/" + id + "/risk-assessments";

        HttpResponse<String> raised = change(officer, path, "{\"level\": \"EXTREME\"}", etag(issued));
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
        JsonAssessment extreme = JsonAssessment.of(raised);
        assertThat(extreme.previous()).isEqualTo("MEDIUM");
        assertThat(Duration.between(extreme.assessedAt(), extreme.due())).isEqualTo(Duration.ofHours(72));

        HttpResponse<String> byOfficer =
                change(officer, path, "{\"level\": \"HIGH\", \"reason\": \"CALMER\"}", etag(raised));
        assertThat(byOfficer.statusCode()).as(byOfficer.body()).isEqualTo(403);
        assertThat(byOfficer.body()).contains("lowering-needs-supervisor");
        HttpResponse<String> withoutReason = change(supervisor, path, "{\"level\": \"HIGH\"}", etag(raised));
        assertThat(withoutReason.statusCode()).isEqualTo(400);
        assertThat(withoutReason.body()).contains("reason");
        HttpResponse<String> lowered =
                change(supervisor, path, "{\"level\": \"HIGH\", \"reason\": \"OFFENDER_IN_TREATMENT\"}", etag(raised));
        assertThat(lowered.statusCode()).as(lowered.body()).isEqualTo(201);
        JsonAssessment high = JsonAssessment.of(lowered);

        // A week (HIGH) later with no re-assessment: overdue, once however often the clock looks.
        timedEvents.raiseDue(high.due().plusSeconds(1));
        timedEvents.raiseDue(high.due().plusSeconds(2));
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM order_timed_event WHERE order_id = :id AND kind = 'RISK_REASSESSMENT_OVERDUE'")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        List<EventEnvelope<QorgauEvent>> events = eventsUntil(id, RiskReassessmentOverdue.TYPE);
        List<RiskLevelChanged> changes = events.stream()
                .map(EventEnvelope::data)
                .filter(RiskLevelChanged.class::isInstance)
                .map(RiskLevelChanged.class::cast)
                .toList();
        assertThat(events.get(0).type()).isEqualTo(OrderIssued.TYPE);
        assertThat(((OrderIssued) events.get(0).data()).riskLevel())
                .as("the order's first event names the level, for its first notice (docs/adr/0039)")
                .isEqualTo(RiskLevel.MEDIUM);
        assertThat(events.get(1).type()).isEqualTo(RiskLevelChanged.TYPE);
        assertThat(changes)
                .extracting(RiskLevelChanged::level)
                .containsExactly(RiskLevel.MEDIUM, RiskLevel.EXTREME, RiskLevel.HIGH);
        assertThat(changes.get(2).reason()).isEqualTo("OFFENDER_IN_TREATMENT");
        RiskReassessmentOverdue overdue = (RiskReassessmentOverdue) events.stream()
                .filter(event -> event.type().equals(RiskReassessmentOverdue.TYPE))
                .findFirst()
                .orElseThrow()
                .data();
        assertThat(overdue.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(overdue.dueAt()).isEqualTo(high.due());
    }

    /** The parts of an answer the test reads. */
    private record JsonAssessment(String previous, Instant assessedAt, Instant due) {

        static JsonAssessment of(HttpResponse<String> response) {
            var json = ApiClient.json(response);
            return new JsonAssessment(
                    json.get("previousLevel").isNull()
                            ? null
                            : json.get("previousLevel").asString(),
                    Instant.parse(json.get("assessedAt").asString()),
                    Instant.parse(json.get("reassessmentDue").asString()));
        }
    }
}
