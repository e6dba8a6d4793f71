package kz.qorgau.order.approachban;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.ApproachBanEnded;
import kz.qorgau.events.ApproachBanImposed;
import kz.qorgau.events.Measure;
import kz.qorgau.events.OrderExpired;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.RegisterEntered;
import kz.qorgau.events.RegisterExited;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.order.OrderServiceHttpTest;
import kz.qorgau.order.law.Law;
import kz.qorgau.testsupport.identity.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A court's ban on approaching over HTTP on a real PostgreSQL and Kafka, in the shared context: recorded
 * after an order or in a criminal case, shown in any district's person check, ended by the court or by
 * the clock at the end of its term; the preventive register follows.
 */
class ApproachBanTest extends OrderServiceHttpTest {

    private static final String BANS = "/api/v1/approach-bans";

    @Autowired
    Law law;

    @Test
    void aBanAfterTheOrderShowsInThePersonCheckAndEndsWithItsTermAfterTheOrder() {
        String iin = OrderRequests.uniqueIin("870215", '3');
        HttpResponse<String> issued = officer.postOrder(OrderRequests.against(iin));
        String orderId = ApiClient.json(issued).get("id").asString();
        assertThat(change(officer, "/api/v1/orders/" + orderId + "/service", "{\"method\": \"SIGNED\"}", etag(issued))
                        .statusCode())
                .isEqualTo(200);
        LocalDate today = law.today();
        ApiClient court = officer.as(Persona.COURT_CLERK);

        HttpResponse<String> imposed = court.post(
                BANS, ban("\"orderId\": \"%s\"".formatted(orderId), iin, today, today.plusDays(40)), Map.of());

        assertThat(imposed.statusCode()).as(imposed.body()).isEqualTo(201);
        JsonNode ban = ApiClient.json(imposed);
        assertThat(ban.get("status").asString()).isEqualTo("IN_FORCE");
        assertThat(ban.get("district").asString()).isEqualTo(OrderRequests.DISTRICT);
        Instant validUntil = Instant.parse(ban.get("validUntil").asString());
        assertThat(validUntil).isEqualTo(law.startOf(today.plusDays(41)));
        // Any district's officer at the door sees the distance, not the victim.
        HttpResponse<String> checked = officer.as(Persona.OFFICER_B)
                .post("/api/v1/person-checks", OrderRequests.personCheck(iin, "OFFENDER"), Map.of());
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        JsonNode seen = ApiClient.json(checked).get("approachBans").get(0);
        assertThat(seen.get("distanceMeters").asInt()).isEqualTo(200);
        assertThat(seen.get("court").asString()).isEqualTo("ALM-SMAS-02");

        timedEvents.raiseDue(validUntil.plusSeconds(1));

        List<EventEnvelope<QorgauEvent>> events = eventsUntil(orderId, RegisterExited.TYPE);
        List<String> types = events.stream().map(EventEnvelope::type).toList();
        assertThat(types)
                .containsSubsequence(
                        RegisterEntered.TYPE,
                        ApproachBanImposed.TYPE,
                        OrderExpired.TYPE,
                        ApproachBanEnded.TYPE,
                        RegisterExited.TYPE)
                .containsOnlyOnce(RegisterEntered.TYPE, RegisterExited.TYPE);
        RegisterExited exited = (RegisterExited) events.stream()
                .filter(event -> event.type().equals(RegisterExited.TYPE))
                .findFirst()
                .orElseThrow()
                .data();
        assertThat(exited.measure()).isEqualTo(Measure.APPROACH_BAN);
        assertThat(ApiClient.json(officer.get(BANS + "/" + ban.get("id").asString()))
                        .get("endReason")
                        .asString())
                .isEqualTo("TERM_ENDED");
    }

    @Test
    void aBanInACriminalCaseIsItsOwnSubjectRecordedOnceForARetryAndOnlyTheCourtEndsItOnce() {
        String iin = OrderRequests.uniqueIin("910630", '3');
        ApiClient court = officer.as(Persona.COURT_CLERK);
        String criminalCase = "ALM-BOSTANDYK-CR-" + UUID.randomUUID();
        String link = "\"criminalCase\": \"%s\", \"district\": \"ALM-BOSTANDYK\"".formatted(criminalCase);
        assertThat(officer.post(BANS, ban(link, iin, law.today(), null), Map.of())
                        .statusCode())
                .isEqualTo(403);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        HttpResponse<String> imposed = court.post(BANS, ban(link, iin, law.today(), null), key);
        assertThat(imposed.statusCode()).as(imposed.body()).isEqualTo(201);
        String id = ApiClient.json(imposed).get("id").asString();

        // The answer was lost and the clerk sends again: the first ban, nothing recorded or published again.
        HttpResponse<String> retried = court.post(BANS, ban(link, iin, law.today(), null), key);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(ApiClient.json(retried).get("id").asString()).isEqualTo(id);
        HttpResponse<String> another =
                court.post(BANS, ban(link, iin, law.today().minusDays(1), null), key);
        assertThat(another.statusCode()).as(another.body()).isEqualTo(422);
        assertThat(another.body()).contains("idempotency-key-reused");
        assertThat(jdbc.sql("SELECT count(*) FROM approach_ban WHERE criminal_case = :criminalCase")
                        .param("criminalCase", criminalCase)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        String end = "{\"reason\": \"COURT_DECISION\", \"decisionDate\": \"%s\"}".formatted(law.today());

        assertThat(court.post(BANS + "/" + id + "/end", end, Map.of()).statusCode())
                .isEqualTo(428);
        assertThat(change(officer, BANS + "/" + id + "/end", end, "\"v1\"").statusCode())
                .isEqualTo(403);
        HttpResponse<String> ended = change(court, BANS + "/" + id + "/end", end, "\"v1\"");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        assertThat(ApiClient.json(ended).get("status").asString()).isEqualTo("ENDED");
        assertThat(change(court, BANS + "/" + id + "/end", end, etag(ended)).statusCode())
                .isEqualTo(409);

        List<EventEnvelope<QorgauEvent>> events = eventsUntil(id, RegisterExited.TYPE);
        assertThat(events)
                .extracting(EventEnvelope::type)
                .containsExactly(
                        ApproachBanImposed.TYPE, RegisterEntered.TYPE, ApproachBanEnded.TYPE, RegisterExited.TYPE);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(((ApproachBanEnded) events.get(2).data()).reason()).isEqualTo("COURT_DECISION");
        assertThat(events.toString()).doesNotContain(iin);
    }

    private static String ban(String link, String iin, LocalDate effective, LocalDate lastDay) {
        return """
                {%s, "court": "ALM-SMAS-02", "caseNumber": "7510-26-00-1/0457", "decisionDate": "%s",
                 "effectiveDate": "%s", %s "distanceMeters": 200, "offenderIin": "%s"}
                """
                .formatted(
                        link,
                        effective,
                        effective,
                        lastDay == null ? "" : "\"lastDay\": \"%s\",".formatted(lastDay),
                        iin);
    }
}
