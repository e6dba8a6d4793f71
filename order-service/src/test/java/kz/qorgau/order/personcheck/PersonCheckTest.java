package kz.qorgau.order.personcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import kz.qorgau.events.AccessKind;
import kz.qorgau.events.AccessRecorded;
import kz.qorgau.events.PersonCheckHit;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The person check, version 2, against the real issuer, PostgreSQL and Kafka: an offender's answer in full, a
 * protected person's minimal one, nobody's, and the {@link PersonCheckHit} each hit publishes with the check's
 * access id and no victim data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure(sharedContext = "order-service")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonCheckTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String CHECKS = "/api/v1/person-checks";

    @Autowired
    TestInfrastructure infrastructure;

    @LocalServerPort
    int port;

    ApiClient officerA;
    ApiClient officerB;
    EventTopicReader access;
    final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    @BeforeAll
    void open() {
        officerA = new ApiClient(port, infrastructure.identity(), Persona.OFFICER_A);
        officerB = officerA.as(Persona.OFFICER_B);
        access = EventTopicReader.open(infrastructure.kafka(), infrastructure.topic(Topics.ACCESS_TOPIC));
    }

    @AfterAll
    void close() {
        access.close();
    }

    @Test
    void anOffenderSeesMeasuresUnservedOrdersProhibitionsAndUnitsAndEachHitIsPublished() {
        String offender = OrderRequests.uniqueIin("870215", '3');
        String victim = OrderRequests.uniqueIin("910304", '4');
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String servedUnit = "ALM-BOSTANDYK-UP-S" + suffix;
        String unservedUnit = "ALM-BOSTANDYK-UP-U" + suffix;
        String servedId = issue(servedUnit, offender, victim);
        HttpResponse<String> served = officerA.post(
                "/api/v1/orders/" + servedId + "/service", "{\"method\": \"SIGNED\"}", Map.of("If-Match", "\"v1\""));
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        String unservedId = issue(unservedUnit, offender, victim);

        JsonNode elsewhere = check(officerB, offender, "OFFENDER");
        assertThat(elsewhere.get("checkedAs").asString()).isEqualTo("OFFENDER");
        assertThat(elsewhere.get("measuresInForce").asBoolean()).isTrue();
        JsonNode inForce = single(elsewhere.get("ordersInForce"));
        assertThat(inForce.get("issuingUnit").asString()).isEqualTo(servedUnit);
        assertThat(inForce.get("prohibitions")).isNotEmpty();
        assertThat(inForce.has("since")).isTrue();
        assertThat(inForce.has("until")).isTrue();
        assertThat(inForce.has("orderId"))
                .as("another district's order stays unnamed")
                .isFalse();
        JsonNode unserved = single(elsewhere.get("unservedOrders"));
        assertThat(unserved.get("issuingUnit").asString()).isEqualTo(unservedUnit);
        assertThat(unserved.has("until")).isFalse();
        assertThat(unserved.has("orderId")).isFalse();
        assertThat(elsewhere.get("specialRequirements")).isEmpty();
        assertThat(elsewhere.get("approachBans")).isEmpty();
        assertThat(elsewhere.get("unitsToCall").valueStream().map(JsonNode::asString))
                .containsExactly(servedUnit, unservedUnit);
        assertThat(elsewhere.has("protectedPerson")).isFalse();
        assertNoVictimData(elsewhere.toString(), victim);

        JsonNode home = check(officerA, offender, "OFFENDER");
        assertThat(single(home.get("ordersInForce")).get("orderId").asString()).isEqualTo(servedId);
        assertThat(single(home.get("unservedOrders")).get("orderId").asString())
                .as("the officer at the door may serve it")
                .isEqualTo(unservedId);

        // As a protected person the offender is nobody; as an offender the victim is nobody.
        assertThat(check(officerB, offender, "PROTECTED_PERSON")
                        .get("protectedPerson")
                        .asBoolean())
                .isFalse();
        JsonNode victimAsOffender = check(officerB, victim, "OFFENDER");
        assertThat(victimAsOffender.get("measuresInForce").asBoolean()).isFalse();
        assertThat(victimAsOffender.get("ordersInForce")).isEmpty();
        assertThat(victimAsOffender.get("unservedOrders")).isEmpty();
        assertThat(victimAsOffender.get("unitsToCall")).isEmpty();

        EventEnvelope<QorgauEvent> hit = awaitEvent(e -> e.data() instanceof PersonCheckHit found
                && found.personWas() == PersonCheckHit.PersonRole.OFFENDER
                && found.matches().stream().anyMatch(match -> match.orderId().equals(servedId))
                && found.checker().subject().equals(Persona.OFFICER_B.subject()));
        PersonCheckHit data = (PersonCheckHit) hit.data();
        assertThat(data.matches())
                .extracting(PersonCheckHit.Match::orderId, PersonCheckHit.Match::policeUnit)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(servedId, servedUnit),
                        org.assertj.core.groups.Tuple.tuple(unservedId, unservedUnit));
        assertThat(data.checker().district()).isEqualTo(Persona.OFFICER_B.district());
        assertThat(hit.subject()).isEqualTo(data.accessId());
        assertThat(hit.sequence()).isEqualTo(2);
        EventEnvelope<QorgauEvent> recorded = awaitEvent(e ->
                e.data() instanceof AccessRecorded check && check.accessId().equals(data.accessId()));
        AccessRecorded check = (AccessRecorded) recorded.data();
        assertThat(check.kind()).isEqualTo(AccessKind.PERSON_CHECK);
        assertThat(check.purpose()).isEqualTo("Call-out 102-2026-004517");
        assertThat(check.matchedOrders()).isEqualTo(2);
        assertThat(recorded.sequence()).isEqualTo(1);
        assertNoVictimData(rawOf(hit), victim);
        assertThat(rawOf(hit)).doesNotContain(offender);
    }

    @Test
    void aProtectedPersonLearnsOnlyProtectedOrNotAndWhomToCallAndTheUnitLearnsOfTheCheck() {
        String offender = OrderRequests.uniqueIin("860512", '3');
        String victim = OrderRequests.uniqueIin("920817", '4');
        String unit = "ALM-BOSTANDYK-UP-P"
                + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String id = issue(unit, offender, victim);

        JsonNode asProtected = check(officerB, victim, "PROTECTED_PERSON");
        assertThat(asProtected.propertyNames())
                .containsExactlyInAnyOrder("checkedAs", "protectedPerson", "unitsToCall");
        assertThat(asProtected.get("protectedPerson").asBoolean()).isTrue();
        assertThat(asProtected.get("unitsToCall").valueStream().map(JsonNode::asString))
                .containsExactly(unit);
        // No id, no date, no name: nothing that tells this protected person's order from another's.
        assertThat(asProtected.toString())
                .doesNotContain(id)
                .doesNotContain(offender)
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        JsonNode nobody = check(officerB, OrderRequests.uniqueIin("930101", '4'), "PROTECTED_PERSON");
        assertThat(nobody.propertyNames()).isEqualTo(asProtected.propertyNames());
        assertThat(nobody.get("protectedPerson").asBoolean()).isFalse();
        assertThat(nobody.get("unitsToCall")).isEmpty();

        PersonCheckHit hit = (PersonCheckHit) awaitEvent(e -> e.data() instanceof PersonCheckHit found
                        && found.personWas() == PersonCheckHit.PersonRole.PROTECTED_PERSON
                        && found.matches().stream()
                                .anyMatch(match -> match.orderId().equals(id)))
                .data();
        assertThat(hit.matches()).extracting(PersonCheckHit.Match::policeUnit).containsExactly(unit);

        HttpResponse<String> withoutPurpose =
                officerB.post(CHECKS, "{\"iin\": \"" + victim + "\", \"checkedAs\": \"PROTECTED_PERSON\"}", Map.of());
        assertThat(withoutPurpose.statusCode()).isEqualTo(400);
        HttpResponse<String> withoutRole =
                officerB.post(CHECKS, "{\"iin\": \"" + victim + "\", \"purpose\": \"Call-out 102\"}", Map.of());
        assertThat(withoutRole.statusCode()).isEqualTo(400);
        assertThat(officerB.post(CHECKS, OrderRequests.personCheck("123", "OFFENDER"), Map.of())
                        .statusCode())
                .isEqualTo(400);
        assertThat(officerA.as(Persona.AUDITOR)
                        .post(CHECKS, OrderRequests.personCheck(victim, "PROTECTED_PERSON"), Map.of())
                        .statusCode())
                .isEqualTo(403);
    }

    private String issue(String unit, String offender, String victim) {
        HttpResponse<String> response = officerA.postOrder(OrderRequests.valid(unit)
                .replace(OrderRequests.OFFENDER_IIN, offender)
                .replace(OrderRequests.VICTIM_IIN, victim));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response).get("id").asString();
    }

    private static JsonNode check(ApiClient api, String iin, String checkedAs) {
        HttpResponse<String> response = api.post(CHECKS, OrderRequests.personCheck(iin, checkedAs), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    private static JsonNode single(JsonNode array) {
        assertThat(array).as(String.valueOf(array)).hasSize(1);
        return array.get(0);
    }

    private static void assertNoVictimData(String text, String victimIin) {
        assertThat(text)
                .doesNotContain(victimIin)
                .doesNotContain(OrderRequests.VICTIM_PHONE)
                .doesNotContain(OrderRequests.VICTIM_EMAIL)
                .doesNotContain("Ахмет");
    }

    /** The first event read so far, or read until it arrives, that matches; earlier reads are kept for later calls. */
    private EventEnvelope<QorgauEvent> awaitEvent(Predicate<EventEnvelope<QorgauEvent>> matching) {
        return await().atMost(WITHIN)
                .until(
                        () -> {
                            seen.addAll(access.drain(Duration.ofMillis(200)));
                            return seen.stream()
                                    .map(EventTopicReader::decode)
                                    .filter(matching)
                                    .findFirst();
                        },
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private String rawOf(EventEnvelope<QorgauEvent> event) {
        return seen.stream()
                .filter(record -> EventTopicReader.decode(record).id().equals(event.id()))
                .map(record -> new String(record.value(), StandardCharsets.UTF_8))
                .findFirst()
                .orElseThrow();
    }
}
