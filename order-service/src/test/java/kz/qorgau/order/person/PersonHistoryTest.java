package kz.qorgau.order.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.qorgau.events.AccessKind;
import kz.qorgau.events.AccessRecorded;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.order.OrderServiceHttpTest;
import kz.qorgau.order.accessrecord.AccessEvents;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A person's history on a real PostgreSQL and Kafka: supervisors only, with a purpose, by IIN or document in the
 * body; their own district's measures shown and paged, the others counted; every read an access record.
 */
class PersonHistoryTest extends OrderServiceHttpTest {

    private static final String HISTORY = "/api/v1/person-histories";

    EventTopicReader access;
    final List<EventEnvelope<QorgauEvent>> seen = new ArrayList<>();

    @BeforeAll
    void openAccess() {
        access = EventTopicReader.open(infrastructure.kafka(), infrastructure.topic(Topics.ACCESS_TOPIC));
    }

    @AfterAll
    void closeAccess() {
        access.close();
    }

    @Test
    void aSupervisorReadsTheOwnDistrictsMeasuresPagedWithThePurposeRecorded() {
        String iin = OrderRequests.uniqueIin("840912", '3');
        String first = issue(officer, OrderRequests.against(iin));
        String second = issue(officer, OrderRequests.against(iin));
        String elsewhere = issue(
                officer.as(Persona.OFFICER_B),
                OrderRequests.valid("AST-ESIL-UP-H1", "AST-ESIL").replace(OrderRequests.OFFENDER_IIN, iin));
        String purpose = "Risk review before hearing 7510-26-00-4/1234";

        HttpResponse<String> page0 =
                supervisor.post(HISTORY, body("\"iin\": \"" + iin + "\"", purpose, 0, 1), Map.of());

        assertThat(page0.statusCode()).as(page0.body()).isEqualTo(200);
        JsonNode history = ApiClient.json(page0);
        assertThat(history.get("items")).hasSize(1);
        assertThat(history.get("items").get(0).get("id").asString())
                .as("newest first")
                .isEqualTo(second);
        assertThat(history.get("items").get(0).get("measure").asString()).isEqualTo("PROTECTIVE_ORDER");
        assertThat(history.get("hasNext").asBoolean()).isTrue();
        assertThat(history.get("otherDistricts").asInt()).isEqualTo(1);
        assertThat(page0.body()).doesNotContain(elsewhere).doesNotContain(iin).doesNotContain("Ахмет");
        JsonNode page1 =
                ApiClient.json(supervisor.post(HISTORY, body("\"iin\": \"" + iin + "\"", purpose, 1, 1), Map.of()));
        assertThat(page1.get("items").get(0).get("id").asString()).isEqualTo(first);
        assertThat(page1.get("hasNext").asBoolean()).isFalse();

        AccessRecorded read = (AccessRecorded) awaitAccess(event -> event.data() instanceof AccessRecorded recorded
                        && recorded.fields().contains(AccessEvents.PERSON_HISTORY)
                        && purpose.equals(recorded.purpose()))
                .data();
        assertThat(read.kind()).isEqualTo(AccessKind.PERSON_CHECK);
        assertThat(read.actor().subject()).isEqualTo(Persona.SUPERVISOR_A.subject());
        assertThat(read.matchedOrders()).isEqualTo(1);
    }

    @Test
    void onlySupervisorsWithAPurposeAndOnePersonInTheBody() {
        String person = "\"iin\": \"" + OrderRequests.OFFENDER_IIN + "\"";
        assertThat(officer.post(HISTORY, body(person, "A purpose", 0, 20), Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(officer.as(Persona.COURT_CLERK)
                        .post(HISTORY, body(person, "A purpose", 0, 20), Map.of())
                        .statusCode())
                .isEqualTo(403);
        List<String> refused = List.of(
                "{" + person + "}",
                "{" + person + ", \"purpose\": \"  \"}",
                "{\"purpose\": \"A purpose\"}",
                body(
                        person
                                + ", \"document\": {\"type\": \"PASSPORT\", \"number\": \"N1\", \"citizenship\": \"UZB\"}",
                        "A purpose",
                        0,
                        20),
                body(person, "A purpose", -1, 20),
                body(person, "A purpose", 0, 101),
                body(person, "A\u0007purpose", 0, 20));
        for (String bad : refused) {
            HttpResponse<String> answer = supervisor.post(HISTORY, bad, Map.of());
            assertThat(answer.statusCode()).as(bad + " -> " + answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    private static String issue(ApiClient api, String body) {
        HttpResponse<String> issued = api.postOrder(body);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return ApiClient.json(issued).get("id").asString();
    }

    private static String body(String person, String purpose, int page, int size) {
        return "{%s, \"purpose\": \"%s\", \"page\": %d, \"size\": %d}".formatted(person, purpose, page, size);
    }

    private EventEnvelope<QorgauEvent> awaitAccess(java.util.function.Predicate<EventEnvelope<QorgauEvent>> matching) {
        return await().atMost(WITHIN)
                .until(
                        () -> {
                            access.drain(Duration.ofMillis(200)).stream()
                                    .map(EventTopicReader::decode)
                                    .forEach(seen::add);
                            return seen.stream().filter(matching).findFirst();
                        },
                        Optional::isPresent)
                .orElseThrow();
    }
}
