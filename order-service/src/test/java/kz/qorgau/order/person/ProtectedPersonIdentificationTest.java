package kz.qorgau.order.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
import kz.qorgau.testsupport.identity.Persona;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A victim and a child recorded by documents, linked to IINs later (docs/adr/0039), on the real PostgreSQL and Kafka:
 * each link publishes one PersonIdentified (VICTIM, PROTECTED_PERSON) with no personal data, and from then on the
 * person check and the person's history find them by the IIN and by the document alike; the refusals are problems.
 */
class ProtectedPersonIdentificationTest extends OrderServiceHttpTest {

    private static final String CHECKS = "/api/v1/person-checks";
    private static final String HISTORY = "/api/v1/person-histories";

    @Test
    void aVictimAndAChildLinkedToIinsAreFoundByEitherInTheCheckAndTheHistory() {
        String number = "K" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String childNumber = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String victimDocument = document("RESIDENCE_PERMIT", number, "KGZ");
        String childDocument = document("FOREIGN_ID", childNumber, "KGZ");
        String body = OrderRequests.valid("ALM-BOSTANDYK-UP-L1")
                .replace("\"iin\": \"" + OrderRequests.VICTIM_IIN + "\"", "\"document\": " + victimDocument)
                .replace(
                        "\"prohibitions\":",
                        """
                        "protectedPersons": [
                          {"lastName": "Осмонова", "firstName": "Айжан", "relation": "CHILD", "document": %s}
                        ], "prohibitions":"""
                                .formatted(childDocument));
        HttpResponse<String> issued = officer.postOrder(body);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String orderId = ApiClient.json(issued).get("id").asString();
        String victimIin = OrderRequests.uniqueIin("900214", '4');
        String childIin = OrderRequests.uniqueIin("190305", '6');
        assertThat(protectedBy("\"iin\": \"" + victimIin + "\""))
                .as("not linked yet")
                .isFalse();

        String link = "/api/v1/orders/" + orderId + "/protected-person-identification";
        String victimLink = linkBody(victimDocument, victimIin);
        assertThat(officer.post(link, victimLink, Map.of()).statusCode())
                .as("no If-Match")
                .isEqualTo(428);
        assertThat(change(officer.as(Persona.OFFICER_B), link, victimLink, etag(issued))
                        .statusCode())
                .as("another district's order")
                .isEqualTo(404);
        HttpResponse<String> nobody =
                change(officer, link, linkBody(document("PASSPORT", "Z" + number, "KGZ"), victimIin), etag(issued));
        assertThat(nobody.statusCode())
                .as("a document the order names nobody by")
                .isEqualTo(404);
        assertThat(nobody.body()).contains("protected-person-not-found").doesNotContain(number);

        HttpResponse<String> linked = change(officer, link, victimLink, etag(issued));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        assertThat(ApiClient.json(linked).get("recordsLinked").asInt()).isEqualTo(1);
        HttpResponse<String> child = change(officer, link, linkBody(childDocument, childIin), etag(linked));
        assertThat(child.statusCode()).as(child.body()).isEqualTo(200);
        assertThat(etag(child)).isEqualTo("\"v3\"");
        // Again: nothing changes; another IIN is refused.
        HttpResponse<String> again = change(officer, link, victimLink, etag(child));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(again).get("recordsLinked").asInt()).isZero();
        HttpResponse<String> other =
                change(officer, link, linkBody(victimDocument, OrderRequests.uniqueIin("900214", '4')), etag(child));
        assertThat(other.statusCode()).isEqualTo(409);

        // Found by either now, in the check and in the history.
        for (String person : List.of(
                "\"iin\": \"" + victimIin + "\"",
                "\"document\": " + victimDocument,
                "\"iin\": \"" + childIin + "\"",
                "\"document\": " + childDocument)) {
            assertThat(protectedBy(person)).as(person).isTrue();
            HttpResponse<String> history = supervisor.post(
                    HISTORY, "{" + person + ", \"purpose\": \"Safety plan review, case 102-2026-0041\"}", Map.of());
            assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
            JsonNode items = ApiClient.json(history).get("items");
            assertThat(items).as(person).hasSize(1);
            assertThat(items.get(0).get("id").asString()).isEqualTo(orderId);
            assertThat(items.get(0).get("personWas").asString()).isEqualTo("PROTECTED_PERSON");
        }
        JsonNode order = ApiClient.json(officer.get("/api/v1/orders/" + orderId));
        assertThat(order.get("victim").get("iin").asString()).isEqualTo(victimIin);
        assertThat(order.get("victim").get("document").get("number").asString())
                .as("the document stays")
                .isEqualTo(number);
        String stored = jdbc.sql("SELECT victim_sealed::text FROM protective_order WHERE id = :id")
                .param("id", UUID.fromString(orderId))
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(victimIin).doesNotContain(childIin);

        List<EventEnvelope<QorgauEvent>> events = eventsUntil(orderId, PersonIdentified.TYPE);
        org.awaitility.Awaitility.await()
                .atMost(WITHIN)
                .until(() ->
                        identified(eventsUntil(orderId, PersonIdentified.TYPE)).size() == 2);
        List<PersonIdentified> identified = identified(eventsUntil(orderId, PersonIdentified.TYPE));
        assertThat(identified)
                .extracting(PersonIdentified::person)
                .containsExactly(PersonIdentified.Person.VICTIM, PersonIdentified.Person.PROTECTED_PERSON);
        assertThat(identified).allSatisfy(event -> {
            assertThat(event.measure()).isEqualTo(Measure.PROTECTIVE_ORDER);
            assertThat(event.identifiedAs()).isEqualTo(PersonIdentified.RecordedAs.DOCUMENT);
            assertThat(event.subject()).isEqualTo(orderId);
        });
        assertThat(events.toString()).doesNotContain(victimIin).doesNotContain(number);
    }

    private static List<PersonIdentified> identified(List<EventEnvelope<QorgauEvent>> events) {
        return events.stream()
                .map(EventEnvelope::data)
                .filter(PersonIdentified.class::isInstance)
                .map(PersonIdentified.class::cast)
                .toList();
    }

    private boolean protectedBy(String person) {
        HttpResponse<String> response = officer.as(Persona.OFFICER_B)
                .post(
                        CHECKS,
                        "{" + person
                                + ", \"checkedAs\": \"PROTECTED_PERSON\", \"purpose\": \"Call-out 102-2026-0099\"}",
                        Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response).get("protectedPerson").asBoolean();
    }

    private static String linkBody(String document, String iin) {
        return "{\"document\": " + document + ", \"iin\": \"" + iin + "\"}";
    }

    private static String document(String type, String number, String citizenship) {
        return "{\"type\": \"%s\", \"number\": \"%s\", \"citizenship\": \"%s\"}".formatted(type, number, citizenship);
    }
}
