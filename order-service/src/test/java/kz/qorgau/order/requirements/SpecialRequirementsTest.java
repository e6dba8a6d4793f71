package kz.qorgau.order.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.Measure;
import kz.qorgau.events.OrderExpired;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.OrderServed;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.RegisterEntered;
import kz.qorgau.events.RegisterExited;
import kz.qorgau.events.ReportingScheduleRecorded;
import kz.qorgau.events.ReportingVisitMissed;
import kz.qorgau.events.ReportingVisitRecorded;
import kz.qorgau.events.SpecialRequirementsExpired;
import kz.qorgau.events.SpecialRequirementsExtended;
import kz.qorgau.events.SpecialRequirementsImposed;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.order.OrderServiceHttpTest;
import kz.qorgau.order.law.Law;
import kz.qorgau.order.timed.TimedEvents;
import kz.qorgau.testsupport.identity.Persona;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Special requirements over HTTP on a real PostgreSQL and Kafka, in the context the order's life shares:
 * a court imposes them after an order, police record the schedule and a visit, the clock finds a missed
 * day once, a court extends them, and they expire; the preventive register follows the offender's
 * measures in force. The clock is driven with {@link TimedEvents#raiseDue(Instant)}.
 */
class SpecialRequirementsTest extends OrderServiceHttpTest {

    private static final String REQUIREMENTS = "/api/v1/special-requirements";

    @Autowired
    Law law;

    ApiClient court;

    @BeforeAll
    void courtClerk() {
        court = officer.as(Persona.COURT_CLERK);
    }

    @Test
    void aCourtImposesThemAfterTheOrderAVisitIsMissedOnceTheyAreExtendedAndExpire() {
        String iin = OrderRequests.uniqueIin("860412", '3');
        HttpResponse<String> issued = officer.postOrder(OrderRequests.against(iin));
        String orderId = ApiClient.json(issued).get("id").asString();
        HttpResponse<String> served =
                change(officer, "/api/v1/orders/" + orderId + "/service", "{\"method\": \"SIGNED\"}", etag(issued));
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        LocalDate today = law.today();

        HttpResponse<String> imposed = court.post(
                REQUIREMENTS,
                impose("\"orderId\": \"%s\"".formatted(orderId), iin, today, 3, "[\"CONTACTING_VICTIM\", \"WEAPONS\"]"),
                Map.of());
        assertThat(imposed.statusCode()).as(imposed.body()).isEqualTo(201);
        JsonNode requirements = ApiClient.json(imposed);
        assertThat(requirements.get("status").asString()).isEqualTo("IN_FORCE");
        assertThat(requirements.get("district").asString()).isEqualTo(OrderRequests.DISTRICT);
        assertThat(requirements.get("legalBasis").get("law").asString()).isEqualTo("KZ-245-VIII");
        assertThat(Instant.parse(requirements.get("validUntil").asString()))
                .isEqualTo(law.startOf(today.plusMonths(3)));
        String id = requirements.get("id").asString();
        String path = REQUIREMENTS + "/" + id;
        assertThat(etag(imposed)).isEqualTo("\"v1\"");

        // Reporting today (the visit below) and in two days; the visit of the second day is missed.
        String schedule = "{\"dates\": [\"%s\", \"%s\"]}".formatted(today, today.plusDays(2));
        HttpResponse<String> scheduled =
                officer.put(path + "/reporting-schedule", schedule, Map.of("If-Match", "\"v1\""));
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
        assertThat(officer.post(path + "/reporting-visits", "{}", Map.of()).statusCode())
                .isEqualTo(428);
        assertThat(change(officer, path + "/reporting-visits", "{}", "\"v1\"").statusCode())
                .isEqualTo(412);
        HttpResponse<String> visited = change(officer, path + "/reporting-visits", "{}", etag(scheduled));
        assertThat(visited.statusCode()).as(visited.body()).isEqualTo(201);
        assertThat(officer.as(Persona.OFFICER_B).get(path).statusCode())
                .as("another district's officer")
                .isEqualTo(404);

        Instant dayAfterTheSecond = law.startOf(today.plusDays(3));
        timedEvents.raiseDue(dayAfterTheSecond.plusSeconds(60));
        timedEvents.raiseDue(dayAfterTheSecond.plusSeconds(120));
        assertThat(jdbc.sql("SELECT count(*) FROM measure_timed_event WHERE measure_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .as("one missed day, raised once")
                .isEqualTo(1);

        String tooLong = "{\"court\": \"ALM-SMAS-01\", \"caseNumber\": \"7510-26-00-4/1890\", \"decisionDate\": \"%s\","
                + " \"months\": %d}";
        HttpResponse<String> refused = change(court, path + "/extensions", tooLong.formatted(today, 10), etag(visited));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("months");
        HttpResponse<String> extended = change(court, path + "/extensions", tooLong.formatted(today, 3), etag(visited));
        assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
        JsonNode afterExtension = ApiClient.json(extended);
        assertThat(afterExtension.get("status").asString()).isEqualTo("EXTENDED");
        Instant validUntil = Instant.parse(afterExtension.get("validUntil").asString());
        assertThat(validUntil).isEqualTo(law.startOf(today.plusMonths(6)));

        // The order ends after 30 days, the requirements after 6 months: the offender leaves the register then.
        timedEvents.raiseDue(validUntil.plusSeconds(1));
        assertThat(ApiClient.json(officer.get(path)).get("status").asString()).isEqualTo("EXPIRED");

        List<EventEnvelope<QorgauEvent>> events = eventsUntil(orderId, RegisterExited.TYPE);
        List<String> types = events.stream().map(EventEnvelope::type).toList();
        assertThat(types)
                .startsWith(OrderIssued.TYPE, OrderServed.TYPE, RegisterEntered.TYPE, SpecialRequirementsImposed.TYPE)
                .containsSubsequence(
                        ReportingVisitRecorded.TYPE,
                        ReportingVisitMissed.TYPE,
                        SpecialRequirementsExtended.TYPE,
                        OrderExpired.TYPE,
                        SpecialRequirementsExpired.TYPE,
                        RegisterExited.TYPE)
                .endsWith(SpecialRequirementsExpired.TYPE, RegisterExited.TYPE)
                .containsOnlyOnce(RegisterEntered.TYPE, ReportingVisitMissed.TYPE);
        assertThat(events).extracting(EventEnvelope::sequence).isSorted().doesNotHaveDuplicates();
        ReportingVisitMissed missed = data(events, ReportingVisitMissed.class);
        assertThat(missed.scheduledDay()).isEqualTo(today.plusDays(2));
        assertThat(missed.detectedAt()).isEqualTo(dayAfterTheSecond);
        assertThat(missed.requirementsId()).isEqualTo(id);
        RegisterExited exited = data(events, RegisterExited.class);
        assertThat(exited.measure()).isEqualTo(Measure.SPECIAL_REQUIREMENTS);
        assertThat(exited.measureId()).isEqualTo(id);
        assertThat(data(events, RegisterEntered.class).measure()).isEqualTo(Measure.PROTECTIVE_ORDER);
    }

    @Test
    void withoutAnOrderTheyAreTheirOwnSubjectComeIntoForceOnTheirDayAndKeepTheOffenderSealed() {
        String iin = OrderRequests.uniqueIin("880923", '3');
        LocalDate effective = law.today().plusDays(2);
        HttpResponse<String> imposed = court.post(
                REQUIREMENTS,
                impose(
                        "\"administrativeCase\": \"ALM-BOSTANDYK-73-2026-0311\", \"district\": \"ALM-BOSTANDYK\"",
                        iin,
                        effective,
                        3,
                        "[\"PSYCHOACTIVE_SUBSTANCES\"]"),
                Map.of());
        assertThat(imposed.statusCode()).as(imposed.body()).isEqualTo(201);
        JsonNode requirements = ApiClient.json(imposed);
        assertThat(requirements.get("status").asString()).isEqualTo("IMPOSED");
        String id = requirements.get("id").asString();
        String row = jdbc.sql("SELECT offender_sealed::text FROM special_requirements WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
        assertThat(row).doesNotContain(iin).contains("ciphertext");
        assertThat(requirements.get("offenderIin").asString()).isEqualTo(iin);

        timedEvents.raiseDue(law.startOf(effective).plusSeconds(1));
        assertThat(ApiClient.json(officer.get(REQUIREMENTS + "/" + id))
                        .get("status")
                        .asString())
                .isEqualTo("IN_FORCE");
        timedEvents.raiseDue(law.startOf(effective.plusMonths(3)));

        List<EventEnvelope<QorgauEvent>> events = eventsUntil(id, RegisterExited.TYPE);
        assertThat(events)
                .extracting(EventEnvelope::type)
                .containsExactly(
                        SpecialRequirementsImposed.TYPE,
                        RegisterEntered.TYPE,
                        SpecialRequirementsExpired.TYPE,
                        RegisterExited.TYPE);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(data(events, SpecialRequirementsImposed.class).orderId()).isNull();
        RegisterEntered entered = data(events, RegisterEntered.class);
        assertThat(entered.measureId()).isEqualTo(id);
        assertThat(entered.enteredAt()).isEqualTo(law.startOf(effective));
        assertThat(events.toString()).doesNotContain(iin);
    }

    @Test
    void aRetryOfTheImpositionRecordsNothingNewAndTheScheduleIsPublished() {
        String iin = OrderRequests.uniqueIin("870812", '3');
        String administrativeCase = "ALM-BOSTANDYK-" + UUID.randomUUID();
        String body = impose(
                "\"administrativeCase\": \"%s\", \"district\": \"ALM-BOSTANDYK\"".formatted(administrativeCase),
                iin,
                law.today(),
                3,
                "[\"WEAPONS\"]");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        HttpResponse<String> imposed = court.post(REQUIREMENTS, body, key);
        assertThat(imposed.statusCode()).as(imposed.body()).isEqualTo(201);
        String id = ApiClient.json(imposed).get("id").asString();
        // The same body, formatted otherwise, is the same request.
        HttpResponse<String> retried = court.post(REQUIREMENTS, body.replace("\n", " "), key);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(ApiClient.json(retried).get("id").asString()).isEqualTo(id);
        HttpResponse<String> another =
                court.post(REQUIREMENTS, body.replace("WEAPONS", "PSYCHOACTIVE_SUBSTANCES"), key);
        assertThat(another.statusCode()).as(another.body()).isEqualTo(422);
        assertThat(another.body()).contains("idempotency-key-reused");
        assertThat(jdbc.sql("SELECT count(*) FROM special_requirements WHERE administrative_case = :administrativeCase")
                        .param("administrativeCase", administrativeCase)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        HttpResponse<String> scheduled = officer.put(
                REQUIREMENTS + "/" + id + "/reporting-schedule",
                "{\"weekday\": \"MONDAY\", \"weeks\": [3, 1]}",
                Map.of("If-Match", etag(imposed)));
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);

        List<EventEnvelope<QorgauEvent>> events = eventsUntil(id, ReportingScheduleRecorded.TYPE);
        assertThat(events)
                .extracting(EventEnvelope::type)
                .containsExactly(SpecialRequirementsImposed.TYPE, RegisterEntered.TYPE, ReportingScheduleRecorded.TYPE);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L);
        ReportingScheduleRecorded recorded = data(events, ReportingScheduleRecorded.class);
        assertThat(recorded.orderId()).isNull();
        assertThat(recorded.requirementsId()).isEqualTo(id);
        assertThat(recorded.dates()).isEmpty();
        assertThat(recorded.weekday()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(recorded.weeks()).containsExactly(1, 3);
        assertThat(recorded.recordedBy()).isEqualTo(Persona.OFFICER_A.subject());
        assertThat(events.toString()).doesNotContain(iin);
    }

    @Test
    void refusalsAreProblemsThatChangeNothing() {
        String adult = OrderRequests.uniqueIin("790101", '3');
        String minor = OrderRequests.uniqueIin("120305", '5');
        LocalDate today = law.today();
        String byCase = "\"administrativeCase\": \"ALM-1\", \"district\": \"ALM-BOSTANDYK\"";
        long before = count();

        assertThat(court.post(REQUIREMENTS, impose(byCase, adult, today, 13, "[\"WEAPONS\"]"), Map.of())
                        .body())
                .contains("termMonths");
        assertThat(court.post(REQUIREMENTS, impose(byCase, adult, today, 3, "[\"VISITING_PLACES\"]"), Map.of())
                        .body())
                .contains("places");
        String places = impose(byCase, adult, today, 3, "[\"VISITING_PLACES\"]")
                .replace("\"bans\"", "\"places\": [\"Night clubs of the district\"], \"bans\"");
        assertThat(court.post(REQUIREMENTS, places, Map.of()).body()).contains("minors only");
        assertThat(court.post(REQUIREMENTS, impose(byCase, adult, today.minusDays(5), 3, "[\"WEAPONS\"]"), Map.of())
                        .body())
                .contains("effectiveDate");
        assertThat(officer.post(REQUIREMENTS, impose(byCase, adult, today, 3, "[\"WEAPONS\"]"), Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(count()).isEqualTo(before);

        HttpResponse<String> forAMinor = court.post(REQUIREMENTS, places.replace(adult, minor), Map.of());
        assertThat(forAMinor.statusCode()).as(forAMinor.body()).isEqualTo(201);
        assertThat(ApiClient.json(forAMinor).get("places").get(0).asString()).isEqualTo("Night clubs of the district");
        String path = REQUIREMENTS + "/" + ApiClient.json(forAMinor).get("id").asString();
        HttpResponse<String> fiveAMonth = officer.put(
                path + "/reporting-schedule",
                "{\"weekday\": \"MONDAY\", \"weeks\": [1, 2, 3, 4, 5]}",
                Map.of("If-Match", "\"v1\""));
        assertThat(fiveAMonth.statusCode()).isEqualTo(400);
        assertThat(fiveAMonth.body()).contains("weeks");
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM special_requirements")
                .query(Long.class)
                .single();
    }

    /** A court's decision, taken on the effective day or, for a later one, today. */
    private String impose(String link, String iin, LocalDate effective, int months, String bans) {
        LocalDate decided = effective.isAfter(law.today()) ? law.today() : effective;
        return """
                {%s, "court": "ALM-SMAS-01", "caseNumber": "7510-26-00-4/1234", "decisionDate": "%s",
                 "effectiveDate": "%s", "termMonths": %d, "offenderIin": "%s", "bans": %s}
                """
                .formatted(link, decided, effective, months, iin, bans);
    }

    private static <T> T data(List<EventEnvelope<QorgauEvent>> events, Class<T> type) {
        return events.stream()
                .map(EventEnvelope::data)
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }
}
