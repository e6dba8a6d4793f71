package kz.qorgau.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.qorgau.events.ComplianceCheckOverdue;
import kz.qorgau.events.ExpiryApproaching;
import kz.qorgau.events.OrderAmended;
import kz.qorgau.events.OrderExpired;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.OrderServed;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.ServiceOverdue;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.order.OrderServiceHttpTest;
import kz.qorgau.testsupport.identity.Persona;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An order's whole life over HTTP on a real PostgreSQL and Kafka: issue, serve, check, violation,
 * arrest, amendment, and the timed events up to expiry; every change one event, in the order's
 * sequence; every refusal (428, 412, 409, a time out of the window) a problem that changes nothing.
 */
class OrderLifeTest extends OrderServiceHttpTest {

    @Test
    void issueServeCheckViolationArrestAmendAndExpire() {
        HttpResponse<String> issued = officer.postOrder(OrderRequests.valid("ALM-BOSTANDYK-UP-07"));
        assertThat(issued.statusCode()).isEqualTo(201);
        String id = ApiClient.json(issued).get("id").asString();
        String path = "/api/v1/orders/" + id;
        assertThat(etag(issued)).isEqualTo("\"v1\"");

        HttpResponse<String> served = change(officer, path + "/service", "{\"method\": \"SIGNED\"}", etag(issued));
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        JsonNode order = ApiClient.json(served);
        assertThat(order.get("status").asString()).isEqualTo("IN_FORCE");
        Instant servedAt = Instant.parse(order.get("servedAt").asString());
        Instant validUntil = Instant.parse(order.get("validUntil").asString());
        // The end of the 30th day after the day of service, 24:00 in Almaty (UTC+5): 19:00 UTC.
        assertThat(validUntil.atZone(ZoneOffset.UTC).getHour()).isEqualTo(19);
        assertThat(Duration.between(servedAt, validUntil)).isBetween(Duration.ofDays(30), Duration.ofDays(31));
        assertThat(etag(served)).isEqualTo("\"v2\"");

        HttpResponse<String> checked = change(officer, path + "/checks", "{\"method\": \"VISIT\"}", etag(served));
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(201);
        String checkId = ApiClient.json(checked).get("id").asString();

        // A violation happened after service, and is entered a little later.
        String occurred = servedAt.plusMillis(1).toString();
        HttpResponse<String> reported = change(
                officer,
                path + "/violations",
                "{\"occurredAt\": \"%s\", \"source\": \"CALL_102\", \"breached\": [\"CONTACTING_VICTIM\"]}"
                        .formatted(occurred),
                etag(checked));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        JsonNode violation = ApiClient.json(reported);
        assertThat(violation.get("legalBasis").get("article").asString()).isEqualTo("461");
        String violationPath = path + "/violations/" + violation.get("id").asString();

        HttpResponse<String> confirmed = change(
                supervisor, violationPath + "/confirmation", "{\"caseNumber\": \"ALM-461-2026-7\"}", etag(reported));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        HttpResponse<String> arrested = change(supervisor, violationPath + "/arrest", "{}", etag(confirmed));
        assertThat(arrested.statusCode()).as(arrested.body()).isEqualTo(200);
        HttpResponse<String> released = change(supervisor, violationPath + "/arrest-end", "{}", etag(arrested));
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(ApiClient.json(released).get("arrestEndedAt").isNull()).isFalse();

        HttpResponse<String> corrected = change(
                officer,
                path + "/checks/" + checkId + "/corrections",
                "{\"checkedAt\": \"%s\", \"method\": \"CALL\", \"reason\": \"WRONG_METHOD\"}".formatted(servedAt),
                etag(released));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        assertThat(ApiClient.json(corrected).get("corrects").asString()).isEqualTo(checkId);

        HttpResponse<String> amended = change(
                supervisor,
                path + "/amendments",
                "{\"reason\": \"VICTIM_REQUEST\", \"prohibitions\": [\"DOMESTIC_VIOLENCE\", \"VISITING_VICTIM\"]}",
                etag(corrected));
        assertThat(amended.statusCode()).as(amended.body()).isEqualTo(200);
        JsonNode afterAmendment = ApiClient.json(amended);
        assertThat(afterAmendment.get("repeatOffender").asBoolean()).isTrue();
        assertThat(afterAmendment.get("prohibitions").toString()).contains("VISITING_VICTIM");

        // The clock runs on past the end of the term: the checks overdue, the warning, then the expiry.
        timedEvents.raiseDue(validUntil.plusSeconds(1));

        // Waits for the last one: how many checks fell overdue before it depends on the day.
        List<EventEnvelope<QorgauEvent>> events = eventsUntil(id, OrderExpired.TYPE).stream()
                .filter(event -> !event.type().startsWith("kz.qorgau.order.register."))
                .toList();
        assertThat(events)
                .extracting(EventEnvelope::type)
                .startsWith(
                        OrderIssued.TYPE,
                        OrderServed.TYPE,
                        "kz.qorgau.order.check.recorded.v1",
                        "kz.qorgau.order.violation.reported.v1",
                        "kz.qorgau.order.violation.confirmed.v1",
                        "kz.qorgau.order.arrest.started.v1",
                        "kz.qorgau.order.arrest.ended.v1",
                        "kz.qorgau.order.check.corrected.v1",
                        "kz.qorgau.order.amended.v1")
                .endsWith(ExpiryApproaching.TYPE, OrderExpired.TYPE)
                .contains(ComplianceCheckOverdue.TYPE)
                .doesNotContain(ServiceOverdue.TYPE);
        assertThat(events).extracting(EventEnvelope::sequence).isSorted().doesNotHaveDuplicates();
        OrderServed servedEvent = (OrderServed) events.get(1).data();
        assertThat(servedEvent.validUntil()).isEqualTo(validUntil);
        assertThat(servedEvent.servedBy()).isEqualTo(Persona.OFFICER_A.subject());
        assertThat(ApiClient.json(officer.get(path)).get("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void refusalsAreProblemsThatChangeNothing() {
        HttpResponse<String> issued = officer.postOrder(OrderRequests.valid("ALM-BOSTANDYK-UP-08"));
        String id = ApiClient.json(issued).get("id").asString();
        String path = "/api/v1/orders/" + id;
        String serve = "{\"method\": \"REFUSAL_WITNESSED\"}";

        assertProblem(officer.post(path + "/service", serve, Map.of()), 428, "precondition-required");
        assertProblem(change(officer, path + "/service", serve, "\"v7\""), 412, "stale-order");
        String tooEarly = Instant.now().minus(Duration.ofHours(73)).toString();
        assertProblem(
                change(
                        officer,
                        path + "/service",
                        "{\"method\": \"SIGNED\", \"servedAt\": \"%s\"}".formatted(tooEarly),
                        "\"v1\""),
                400,
                "invalid-request");
        String future = Instant.now().plus(Duration.ofMinutes(10)).toString();
        assertProblem(
                change(
                        officer,
                        path + "/service",
                        "{\"method\": \"SIGNED\", \"servedAt\": \"%s\"}".formatted(future),
                        "\"v1\""),
                400,
                "invalid-request");
        HttpResponse<String> violationBeforeService =
                change(officer, path + "/violations", "{\"source\": \"OFFICER\", \"breached\": []}", "\"v1\"");
        assertProblem(violationBeforeService, 409, "impossible-transition");
        assertThat(ApiClient.json(violationBeforeService).get("detail").asString())
                .startsWith("An order that is ISSUED cannot have a violation reported.");
        assertThat(change(officer, path + "/void", "{\"reason\": \"ENTERED_IN_ERROR\"}", "\"v1\"")
                        .statusCode())
                .as("officers may not void")
                .isEqualTo(403);

        HttpResponse<String> read = officer.get(path);
        assertThat(etag(read)).isEqualTo("\"v1\"");
        assertThat(ApiClient.json(read).get("status").asString()).isEqualTo("ISSUED");
        assertThat(jdbc.sql("SELECT count(*) FROM kit_outbox WHERE subject = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .as("only OrderIssued")
                .isEqualTo(1);

        HttpResponse<String> voided =
                change(supervisor, path + "/void", "{\"reason\": \"ENTERED_IN_ERROR\"}", "\"v1\"");
        assertThat(voided.statusCode()).as(voided.body()).isEqualTo(200);
        assertThat(ApiClient.json(voided).get("status").asString()).isEqualTo("VOIDED");
        HttpResponse<String> serveVoided = change(officer, path + "/service", serve, etag(voided));
        assertProblem(serveVoided, 409, "impossible-transition");
        assertThat(ApiClient.json(serveVoided).get("detail").asString())
                .startsWith("An order that is VOIDED cannot be served.");
    }

    @Test
    void aSecondOrderAgainstTheSameOffenderWarnsWithTheOtherOrdersNumberAndUnitOnly() {
        ApiClient otherDistrict = officer.as(Persona.OFFICER_B);
        HttpResponse<String> first = otherDistrict.postOrder(OrderRequests.valid("AST-ESIL-UP-31", "AST-ESIL"));
        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode firstOrder = ApiClient.json(first);

        HttpResponse<String> second = officer.postOrder(OrderRequests.valid("ALM-BOSTANDYK-UP-09"));

        JsonNode order = ApiClient.json(second);
        assertThat(order.get("repeatOffender").asBoolean()).isTrue();
        assertThat(order.get("previousOrderId").asString())
                .isEqualTo(firstOrder.get("id").asString());
        JsonNode warning = order.get("warnings").get(0);
        assertThat(warning.propertyNames()).containsExactlyInAnyOrder("code", "orderNumber", "policeUnit");
        assertThat(warning.get("orderNumber").asString())
                .isEqualTo(firstOrder.get("orderNumber").asString());
        assertThat(warning.get("policeUnit").asString()).isEqualTo("AST-ESIL-UP-31");
    }

    @Test
    void theOffendersPhoneAndTheProtectedPersonsAreKeptEncryptedAtRestAndAmendedWithAnEvent() {
        String phone = "+77017654321";
        String body = OrderRequests.valid("ALM-BOSTANDYK-UP-12")
                .replace("\"offender\": {", "\"offender\": {\"phone\": \"%s\", ".formatted(phone))
                .replace(
                        "\"prohibitions\":",
                        "\"protectedPersons\": [{\"lastName\": \"Ахметова\", \"firstName\": \"Дана\","
                                + " \"birthDate\": \"2016-05-04\", \"relation\": \"CHILD\"}], \"prohibitions\":")
                .replace(
                        "\"firstName\": \"Айгерим\",",
                        "\"firstName\": \"Айгерим\", \"statedOpinion\": \"Просит защиты\",");

        HttpResponse<String> issued = officer.postOrder(body);

        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String id = ApiClient.json(issued).get("id").asString();
        JsonNode read = ApiClient.json(officer.get("/api/v1/orders/" + id));
        assertThat(read.get("offender").get("phone").asString()).isEqualTo(phone);
        assertThat(read.get("protectedPersons").get(0).get("firstName").asString())
                .isEqualTo("Дана");
        String row = jdbc.sql(
                        "SELECT offender_sealed::text || victim_sealed::text FROM protective_order WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
        assertThat(row)
                .doesNotContain(phone)
                .doesNotContain("7654321")
                .doesNotContain("Дана")
                .contains("ciphertext");

        HttpResponse<String> amended = change(
                supervisor,
                "/api/v1/orders/" + id + "/amendments",
                "{\"reason\": \"NEW_FAMILY_MEMBER\", \"protectedPersons\": [{\"lastName\": \"Ахметов\","
                        + " \"firstName\": \"Нурлан\", \"birthDate\": \"2019-08-14\", \"relation\": \"CHILD\"}]}",
                etag(issued));

        assertThat(amended.statusCode()).as(amended.body()).isEqualTo(200);
        assertThat(ApiClient.json(amended)
                        .get("protectedPersons")
                        .get(0)
                        .get("firstName")
                        .asString())
                .isEqualTo("Нурлан");
        List<EventEnvelope<QorgauEvent>> events = eventsOf(id, 2);
        var amendment = (OrderAmended) events.get(1).data();
        assertThat(amendment.changes()).containsExactly(OrderAmended.Change.PROTECTED_PERSONS);
        assertThat(amendment.victimContact()).isNull();
        assertThat(events.get(1).toString()).doesNotContain("Нурлан");
    }

    @Test
    void aVictimContactEqualToTheOffendersPhoneIsRefusedAtIssueAndAtAmendmentWithoutTheNumber() {
        String offenderPhone = "+77019990011";
        String sameAsOffender = OrderRequests.valid("ALM-BOSTANDYK-UP-13")
                .replace("\"offender\": {", "\"offender\": {\"phone\": \"%s\", ".formatted(offenderPhone))
                .replace(OrderRequests.VICTIM_PHONE, offenderPhone);

        HttpResponse<String> refused = officer.postOrder(sameAsOffender);

        assertProblem(refused, 400, "invalid-request");
        assertThat(refused.body())
                .contains("victim.contacts[0].address")
                .doesNotContain(offenderPhone)
                .doesNotContain("9990011");

        String withOffenderPhone = OrderRequests.valid("ALM-BOSTANDYK-UP-14")
                .replace("\"offender\": {", "\"offender\": {\"phone\": \"%s\", ".formatted(offenderPhone));
        HttpResponse<String> issued = officer.postOrder(withOffenderPhone);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String id = ApiClient.json(issued).get("id").asString();

        HttpResponse<String> amended = change(
                supervisor,
                "/api/v1/orders/" + id + "/amendments",
                ("{\"reason\": \"VICTIM_REQUEST\", \"victimContacts\": [{\"channel\": \"EMAIL\", \"address\":"
                                + " \"a@example.kz\", \"preferredLanguage\": \"kk\"}, {\"channel\": \"SMS\","
                                + " \"address\": \"%s\", \"preferredLanguage\": \"ru\"}]}")
                        .formatted(offenderPhone),
                etag(issued));

        assertProblem(amended, 400, "invalid-request");
        assertThat(amended.body()).contains("victimContacts[1].address").doesNotContain(offenderPhone);
    }

    @Test
    void noOrderAgainstAChildYoungerThanTheMinimumAge() {
        // Born 1 January 2015: 11 in 2026, under the configured minimum of 16.
        String child = "150101600008";

        HttpResponse<String> refused = officer.postOrder(
                OrderRequests.valid("ALM-BOSTANDYK-UP-11").replace(OrderRequests.OFFENDER_IIN, child));

        assertProblem(refused, 400, "invalid-request");
        assertThat(refused.body()).contains("offender.iin").doesNotContain(child);
    }

    @Test
    void eachTimedEventIsPublishedOnceWithOneEventIdEvenWhenTwoScansRace() throws Exception {
        HttpResponse<String> issued = officer.postOrder(OrderRequests.valid("ALM-BOSTANDYK-UP-10"));
        String id = ApiClient.json(issued).get("id").asString();
        // Hours of downtime later: service fell overdue long ago.
        Instant later = Instant.now().plus(Duration.ofDays(3));

        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> scans =
                    List.of(() -> timedEvents.raiseDue(later), () -> timedEvents.raiseDue(later));
            for (Future<Integer> scan : instances.invokeAll(scans)) {
                scan.get();
            }
        } finally {
            instances.shutdown();
        }
        timedEvents.raiseDue(later.plus(Duration.ofHours(1)));

        List<UUID> rows = jdbc.sql("SELECT event_id FROM order_timed_event WHERE order_id = :id")
                .param("id", UUID.fromString(id))
                .query(UUID.class)
                .list();
        assertThat(rows).hasSize(1);
        List<EventEnvelope<QorgauEvent>> events = eventsOf(id, 2);
        assertThat(events).extracting(EventEnvelope::type).containsExactly(OrderIssued.TYPE, ServiceOverdue.TYPE);
        assertThat(events.get(1).id()).isEqualTo(rows.get(0));
        ServiceOverdue overdue = (ServiceOverdue) events.get(1).data();
        assertThat(Duration.between(overdue.issuedAt(), overdue.dueAt())).isEqualTo(Duration.ofHours(24));
        assertThat(topic.drain(Duration.ofSeconds(1)).stream()
                        .filter(record -> record.key().equals(id))
                        .count())
                .isEqualTo(2);
    }

    @Test
    void almatyIsUtcPlusFiveSinceMarch2024InPostgresqlsTimeZoneData() {
        for (String instant : List.of("2024-03-01 00:00:00+00", "2024-07-01 12:00:00+00", "2026-03-02 00:00:00+00")) {
            assertThat(offsetInAlmaty(instant)).as(instant).isEqualTo("05:00:00");
        }
        assertThat(offsetInAlmaty("2024-02-29 12:00:00+00")).isEqualTo("06:00:00");
    }

    private String offsetInAlmaty(String instant) {
        return jdbc.sql(
                        """
                        SELECT ((CAST(:instant AS timestamptz) AT TIME ZONE 'Asia/Almaty')
                            - (CAST(:instant AS timestamptz) AT TIME ZONE 'UTC'))::text
                        """)
                .param("instant", instant)
                .query(String.class)
                .single();
    }

    private List<EventEnvelope<QorgauEvent>> eventsOf(String orderId, int count) {
        List<EventEnvelope<QorgauEvent>> found = new ArrayList<>();
        await().atMost(WITHIN).until(() -> {
            found.clear();
            // The test orders share one offender, so whether an order enters the register depends on the
            // others in force: the register has its own test (SpecialRequirementsTest).
            topic.awaitEvents(0, Duration.ofSeconds(1)).stream()
                    .filter(event -> event.subject().equals(orderId))
                    .filter(event -> !event.type().startsWith("kz.qorgau.order.register."))
                    .forEach(found::add);
            return found.size() >= count;
        });
        return found;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
        assertThat(ApiClient.json(response).get("type").asString()).isEqualTo("urn:qorgau:problem:" + type);
    }
}
