package kz.qorgau.order.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.Measure;
import kz.qorgau.events.PersonIdentified;
import kz.qorgau.events.QorgauEvent;
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
 * People without an IIN on a real PostgreSQL and Kafka (docs/adr/0035): an order and a ban recorded against a
 * person named by a document, checked by the document, linked to an IIN once (PersonIdentified per record, with
 * no personal data) and then found by either; an unidentified offender; and the refusals, each a problem.
 */
class PeopleWithoutIinTest extends OrderServiceHttpTest {

    private static final String CHECKS = "/api/v1/person-checks";

    @Autowired
    Law law;

    @Test
    void aPersonRecordedByDocumentIsCheckedByItLinkedOnceAndThenFoundByEither() {
        String number = "N" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String document = document("PASSPORT", number, "UZB");
        String unit = "ALM-BOSTANDYK-UP-D"
                + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        HttpResponse<String> issued = officer.postOrder(orderBy("\"document\": " + document, unit));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode order = ApiClient.json(issued);
        String orderId = order.get("id").asString();
        assertThat(order.get("offender").get("iin").isNull()).isTrue();
        assertThat(order.get("offender").get("document").get("number").asString())
                .isEqualTo(number);
        // Sealed at rest: neither the number nor anything of it is stored in clear.
        String stored = jdbc.sql("SELECT offender_sealed::text FROM protective_order WHERE id = :id")
                .param("id", UUID.fromString(orderId))
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(number).doesNotContain("UZB");
        LocalDate today = law.today();
        // The same document, as the court wrote it: lower case, with a hyphen.
        String writtenOtherwise = (number.substring(0, 3) + "-" + number.substring(3)).toLowerCase();
        HttpResponse<String> ban = officer.as(Persona.COURT_CLERK)
                .post(
                        "/api/v1/approach-bans",
                        """
                        {"orderId": "%s", "court": "ALM-SMAS-02", "caseNumber": "7510-26-00-1/0457",
                         "decisionDate": "%s", "effectiveDate": "%s", "distanceMeters": 150,
                         "offenderDocument": %s}"""
                                .formatted(orderId, today, today, document("PASSPORT", writtenOtherwise, "UZB")),
                        Map.of());
        assertThat(ban.statusCode()).as(ban.body()).isEqualTo(201);
        String banId = ApiClient.json(ban).get("id").asString();

        // Any district's officer finds the order and the ban by the document (its number written either way).
        JsonNode byDocument = check(Persona.OFFICER_B, "\"document\": " + document);
        assertThat(byDocument.get("measuresInForce").asBoolean()).isTrue();
        assertThat(byDocument.get("unservedOrders")).hasSize(1);
        assertThat(byDocument.get("approachBans")).hasSize(1);
        assertThat(byDocument.get("unitsToCall").valueStream().map(JsonNode::asString))
                .containsExactly(unit);
        String iin = OrderRequests.uniqueIin("880311", '3');
        assertThat(check(Persona.OFFICER_B, "\"iin\": \"" + iin + "\"").get("unitsToCall"))
                .isEmpty();

        String link = "/api/v1/orders/" + orderId + PersonIdentificationController.SUFFIX;
        String body = "{\"iin\": \"" + iin + "\"}";
        assertThat(officer.post(link, body, Map.of()).statusCode())
                .as("no If-Match")
                .isEqualTo(428);
        assertThat(change(officer, link, body, "\"v7\"").statusCode()).isEqualTo(412);
        assertThat(change(officer.as(Persona.OFFICER_B), link, body, etag(issued))
                        .statusCode())
                .as("another district's order")
                .isEqualTo(404);
        assertThat(change(officer.as(Persona.COURT_CLERK), link, body, etag(issued))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> linked = change(officer, link, body, etag(issued));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        assertThat(ApiClient.json(linked).get("recordsLinked").asInt()).isEqualTo(2);
        assertThat(etag(linked)).isEqualTo("\"v2\"");
        // Again: nothing changes, nothing is published; another IIN is refused.
        HttpResponse<String> again = change(officer, link, body, etag(issued));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(ApiClient.json(again).get("recordsLinked").asInt()).isZero();
        HttpResponse<String> other =
                change(officer, link, "{\"iin\": \"" + OrderRequests.uniqueIin("880311", '3') + "\"}", etag(linked));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        // Found by either now.
        for (String person : List.of("\"iin\": \"" + iin + "\"", "\"document\": " + document)) {
            JsonNode found = check(Persona.OFFICER_B, person);
            assertThat(found.get("unservedOrders")).as(person).hasSize(1);
            assertThat(found.get("approachBans")).as(person).hasSize(1);
        }
        assertThat(ApiClient.json(officer.get("/api/v1/orders/" + orderId))
                        .get("offender")
                        .get("iin")
                        .asString())
                .isEqualTo(iin);

        await(() -> eventsUntil(orderId, PersonIdentified.TYPE).stream()
                        .filter(event -> event.type().equals(PersonIdentified.TYPE))
                        .count()
                >= 2);
        List<EventEnvelope<QorgauEvent>> events = eventsUntil(orderId, PersonIdentified.TYPE);
        List<PersonIdentified> identified = events.stream()
                .map(EventEnvelope::data)
                .filter(PersonIdentified.class::isInstance)
                .map(PersonIdentified.class::cast)
                .toList();
        assertThat(identified)
                .extracting(PersonIdentified::measure, PersonIdentified::measureId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Measure.PROTECTIVE_ORDER, orderId),
                        org.assertj.core.groups.Tuple.tuple(Measure.APPROACH_BAN, banId));
        assertThat(identified).allSatisfy(event -> {
            assertThat(event.identifiedAs()).isEqualTo(PersonIdentified.RecordedAs.DOCUMENT);
            assertThat(event.identifiedBy()).isEqualTo(Persona.OFFICER_A.subject());
            assertThat(event.subject()).isEqualTo(orderId);
        });
    }

    @Test
    void requirementsWithoutAnOrderByAStatelessPersonsCertificateMoveTheRegisterRowToTheIinWhenLinked() {
        String number = "SC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String certificate = document("STATELESS_CERTIFICATE", number, "stateless");
        LocalDate today = law.today();
        HttpResponse<String> imposed = officer.as(Persona.COURT_CLERK)
                .post(
                        "/api/v1/special-requirements",
                        """
                        {"administrativeCase": "ALM-BOSTANDYK-73-2026-%s", "district": "ALM-BOSTANDYK",
                         "court": "ALM-SMAS-01", "caseNumber": "7510-26-00-4/1234", "decisionDate": "%s",
                         "effectiveDate": "%s", "termMonths": 3, "bans": ["WEAPONS"], "offenderDocument": %s}"""
                                .formatted(number, today, today, certificate),
                        Map.of());
        assertThat(imposed.statusCode()).as(imposed.body()).isEqualTo(201);
        String requirementsId = ApiClient.json(imposed).get("id").asString();
        assertThat(ApiClient.json(imposed)
                        .get("offenderDocument")
                        .get("citizenship")
                        .asString())
                .isEqualTo("stateless");
        assertThat(check(Persona.OFFICER_B, "\"document\": " + certificate).get("specialRequirements"))
                .hasSize(1);
        byte[] documentKey = registerKeyOf(requirementsId);
        String iin = OrderRequests.uniqueIin("750630", '3');

        HttpResponse<String> linked = change(
                officer,
                "/api/v1/special-requirements/" + requirementsId + PersonIdentificationController.SUFFIX,
                "{\"iin\": \"" + iin + "\"}",
                etag(imposed));

        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        assertThat(registerKeyOf(requirementsId))
                .as("the register row follows the person")
                .isNotEqualTo(documentKey);
        assertThat(jdbc.sql("SELECT count(*) FROM preventive_register WHERE offender_iin_index = :key")
                        .param("key", documentKey)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(check(Persona.OFFICER_B, "\"iin\": \"" + iin + "\"").get("specialRequirements"))
                .hasSize(1);
        List<EventEnvelope<QorgauEvent>> events = eventsUntil(requirementsId, PersonIdentified.TYPE);
        assertThat(events)
                .extracting(EventEnvelope::type)
                .as("keyed by the requirements' own id; nobody entered the register twice")
                .containsOnlyOnce(PersonIdentified.TYPE, kz.qorgau.events.RegisterEntered.TYPE);
    }

    private byte[] registerKeyOf(String measureId) {
        return jdbc.sql("SELECT offender_iin_index FROM preventive_register WHERE measure_id = :id")
                .param("id", UUID.fromString(measureId))
                .query(byte[].class)
                .single();
    }

    @Test
    void anUnidentifiedOffenderIsRecordedWithADescriptionAndLinkedAlone() {
        HttpResponse<String> issued = officer.postOrder(orderBy(
                "\"unidentified\": \"Man about 40, scar on the left cheek, speaks Russian\"", "ALM-BOSTANDYK-UP-U1"));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String orderId = ApiClient.json(issued).get("id").asString();
        String iin = OrderRequests.uniqueIin("790521", '3');

        HttpResponse<String> linked = change(
                supervisor,
                "/api/v1/orders/" + orderId + PersonIdentificationController.SUFFIX,
                "{\"iin\": \"" + iin + "\"}",
                etag(issued));

        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        assertThat(ApiClient.json(linked).get("recordsLinked").asInt()).isEqualTo(1);
        assertThat(check(Persona.OFFICER_B, "\"iin\": \"" + iin + "\"").get("unservedOrders"))
                .hasSize(1);
        PersonIdentified event = (PersonIdentified) eventsUntil(orderId, PersonIdentified.TYPE).stream()
                .filter(found -> found.type().equals(PersonIdentified.TYPE))
                .findFirst()
                .orElseThrow()
                .data();
        assertThat(event.identifiedAs()).isEqualTo(PersonIdentified.RecordedAs.UNIDENTIFIED);
    }

    @Test
    void aVictimAndAChildWithoutAnIinAreRecordedByDocumentSealedAndCheckedAsProtectedByIt() {
        String number = "K" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String childNumber = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String unit = "ALM-BOSTANDYK-UP-V"
                + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String body = victimBy("\"document\": " + document("RESIDENCE_PERMIT", number, "KGZ"), unit)
                .replace(
                        "\"prohibitions\":",
                        """
                        "protectedPersons": [
                          {"lastName": "Осмонова", "firstName": "Айжан", "relation": "CHILD", "document": %s},
                          {"lastName": "Осмонов", "firstName": "Бек", "birthDate": "2024-02-01", "relation": "CHILD"}
                        ], "prohibitions":"""
                                .formatted(document("FOREIGN_ID", childNumber, "KGZ")));

        HttpResponse<String> issued = officer.postOrder(body);

        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode order = ApiClient.json(issued);
        String orderId = order.get("id").asString();
        assertThat(order.get("victim").get("iin").isNull()).isTrue();
        assertThat(order.get("victim").get("document").get("number").asString()).isEqualTo(number);
        assertThat(order.get("protectedPersons")
                        .get(0)
                        .get("document")
                        .get("number")
                        .asString())
                .isEqualTo(childNumber);
        String stored = jdbc.sql("SELECT victim_sealed::text FROM protective_order WHERE id = :id")
                .param("id", UUID.fromString(orderId))
                .query(String.class)
                .single();
        assertThat(stored)
                .doesNotContain(number)
                .doesNotContain(childNumber)
                .doesNotContain("KGZ")
                .contains("ciphertext");

        // Any district's officer finds both as protected by their documents (written otherwise), not as offenders.
        String writtenOtherwise = (number.substring(0, 3) + " " + number.substring(3)).toLowerCase();
        JsonNode victim =
                checkAs("PROTECTED_PERSON", "\"document\": " + document("RESIDENCE_PERMIT", writtenOtherwise, "KGZ"));
        assertThat(victim.get("protectedPerson").asBoolean()).isTrue();
        assertThat(victim.get("unitsToCall").valueStream().map(JsonNode::asString))
                .containsExactly(unit);
        assertThat(victim.has("ordersInForce") && !victim.get("ordersInForce").isNull())
                .as("the minimal answer")
                .isFalse();
        JsonNode child = checkAs("PROTECTED_PERSON", "\"document\": " + document("FOREIGN_ID", childNumber, "KGZ"));
        assertThat(child.get("protectedPerson").asBoolean()).isTrue();
        assertThat(checkAs("OFFENDER", "\"document\": " + document("RESIDENCE_PERMIT", number, "KGZ"))
                        .get("unitsToCall"))
                .isEmpty();
        // Another citizenship is another document.
        assertThat(checkAs("PROTECTED_PERSON", "\"document\": " + document("RESIDENCE_PERMIT", number, "KAZ"))
                        .get("protectedPerson")
                        .asBoolean())
                .isFalse();

        // A child named later by an amendment is found; the one it replaced is not any more.
        String newChild = "D" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        HttpResponse<String> amended = change(
                supervisor,
                "/api/v1/orders/" + orderId + "/amendments",
                "{\"reason\": \"NEW_FAMILY_MEMBER\", \"protectedPersons\": [{\"lastName\": \"Осмонова\","
                        + " \"firstName\": \"Айжан\", \"relation\": \"CHILD\", \"document\": "
                        + document("PASSPORT", newChild, "KGZ") + "}]}",
                etag(issued));
        assertThat(amended.statusCode()).as(amended.body()).isEqualTo(200);
        assertThat(checkAs("PROTECTED_PERSON", "\"document\": " + document("PASSPORT", newChild, "KGZ"))
                        .get("protectedPerson")
                        .asBoolean())
                .isTrue();
        assertThat(checkAs("PROTECTED_PERSON", "\"document\": " + document("FOREIGN_ID", childNumber, "KGZ"))
                        .get("protectedPerson")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void badVictimsAndProtectedPersonsAreRefusedAsProblemsAndNothingIsWritten() {
        String passport = document("PASSPORT", "N1", "UZB");
        Map<String, String> bad = Map.of(
                "a victim with both an IIN and a document",
                victimBy("\"iin\": \"" + OrderRequests.VICTIM_IIN + "\", \"document\": " + passport, "ALM-X2"),
                "a victim with neither",
                victimBy("\"statedOpinion\": \"none\"", "ALM-X2"),
                "a victim's document of an unknown country",
                victimBy("\"document\": " + document("PASSPORT", "N1", "XYZ"), "ALM-X2"),
                "a victim's stateless certificate of a citizen",
                victimBy("\"document\": " + document("STATELESS_CERTIFICATE", "SC-1", "UZB"), "ALM-X2"),
                "a victim's document number with a line break",
                victimBy("\"document\": " + document("PASSPORT", "N1\\nN2", "UZB"), "ALM-X2"),
                "a child with an IIN and a document",
                withChild("\"iin\": \"" + OrderRequests.uniqueIin("180101", '5') + "\", \"document\": " + passport),
                "a child without an IIN, a document or a birth date",
                withChild("\"relation\": \"CHILD\""),
                "a child born tomorrow",
                withChild("\"birthDate\": \"" + law.today().plusDays(1) + "\""));
        refusedAndNothingWritten(bad);
    }

    @Test
    void badPeopleAreRefusedAsProblemsAndNothingIsWritten() {
        Map<String, String> bad = Map.of(
                "both an IIN and a document",
                "\"iin\": \"" + OrderRequests.OFFENDER_IIN + "\", \"document\": " + document("PASSPORT", "N1", "UZB"),
                "neither",
                "\"phone\": \"+77017654321\"",
                "an unknown country",
                "\"document\": " + document("PASSPORT", "N1", "XYZ"),
                "a stateless certificate of a citizen",
                "\"document\": " + document("STATELESS_CERTIFICATE", "SC-1", "UZB"),
                "a document type not in the set",
                "\"document\": " + document("DRIVING_LICENCE", "N1", "UZB"),
                "a number with a line break",
                "\"document\": " + document("PASSPORT", "N1\\nN2", "UZB"),
                "a description with a control character",
                "\"unidentified\": \"tall\\u0000man\"",
                "a blank description",
                "\"unidentified\": \"   \"");
        Map<String, String> orders = new java.util.HashMap<>();
        bad.forEach((why, person) -> orders.put(why, orderBy(person, "ALM-BOSTANDYK-UP-X1")));
        refusedAndNothingWritten(orders);
        for (String person : List.of(
                "",
                "\"iin\": \"" + OrderRequests.OFFENDER_IIN + "\", \"document\": " + document("PASSPORT", "N1", "UZB"),
                "\"document\": " + document("PASSPORT", "N1", "stateless1"))) {
            HttpResponse<String> refused = officer.post(CHECKS, checkBody(person), Map.of());
            assertThat(refused.statusCode()).as(person + ": " + refused.body()).isEqualTo(400);
        }
    }

    private JsonNode check(Persona persona, String person) {
        HttpResponse<String> response = officer.as(persona).post(CHECKS, checkBody(person), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    /** Each order is refused as a 400 problem that echoes no bad value, and no order is written. */
    private void refusedAndNothingWritten(Map<String, String> orders) {
        long before = jdbc.sql("SELECT count(*) FROM protective_order")
                .query(Long.class)
                .single();
        orders.forEach((why, body) -> {
            HttpResponse<String> refused = officer.postOrder(body);
            assertThat(refused.statusCode()).as(why + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).as(why).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/problem+json"));
            assertThat(refused.body()).as(why).doesNotContain("N1\\nN2").doesNotContain("XYZ\"");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM protective_order")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    private JsonNode checkAs(String checkedAs, String person) {
        HttpResponse<String> response = officer.as(Persona.OFFICER_B)
                .post(CHECKS, checkBody(person).replace("\"OFFENDER\"", "\"" + checkedAs + "\""), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    /** A valid order whose victim is named by {@code person} (JSON members) instead of an IIN. */
    private static String victimBy(String person, String unit) {
        return OrderRequests.valid(unit).replace("\"iin\": \"" + OrderRequests.VICTIM_IIN + "\"", person);
    }

    /** A valid order with one protected child, named by {@code person} (JSON members) besides the names. */
    private static String withChild(String person) {
        return OrderRequests.valid("ALM-X3")
                .replace(
                        "\"prohibitions\":",
                        "\"protectedPersons\": [{\"lastName\": \"Осмонов\", \"firstName\": \"Бек\", "
                                + (person.contains("relation") ? person : person + ", \"relation\": \"CHILD\"")
                                + "}], \"prohibitions\":");
    }

    private static String checkBody(String person) {
        return "{" + person + (person.isEmpty() ? "" : ", ")
                + "\"checkedAs\": \"OFFENDER\", \"purpose\": \"Call-out 102-2026-009911\"}";
    }

    private static String document(String type, String number, String citizenship) {
        return "{\"type\": \"%s\", \"number\": \"%s\", \"citizenship\": \"%s\"}".formatted(type, number, citizenship);
    }

    /** A valid order whose offender is named by {@code person} (JSON members) instead of an IIN. */
    private static String orderBy(String person, String unit) {
        return OrderRequests.valid(unit).replace("\"iin\": \"" + OrderRequests.OFFENDER_IIN + "\"", person);
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(WITHIN).until(condition);
    }
}
