package kz.qorgau.order.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import kz.qorgau.events.AccessKind;
import kz.qorgau.events.AccessRecorded;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.StaffClaims;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.http.ManagementEndpoints;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Roles, the district rule, purpose-bound reads of victim contacts, the person check and break glass,
 * each with the access event it publishes, against the real issuer, PostgreSQL and Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure(sharedContext = "order-service")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Value("${local.management.port}")
    int managementPort;

    ApiClient officerA;
    EventTopicReader access;

    @BeforeAll
    void open() {
        officerA = new ApiClient(port, infrastructure.identity(), Persona.OFFICER_A);
        access = EventTopicReader.open(infrastructure.kafka(), infrastructure.topic(Topics.ACCESS_TOPIC));
    }

    /** Grants are per person and district: one test's running grant must not open another test's order. */
    @BeforeEach
    void noRunningGrants() {
        jdbc.sql("DELETE FROM break_glass_grant").update();
    }

    @AfterAll
    void close() {
        access.close();
    }

    // --- the district rule -------------------------------------------------------------------

    @Test
    void anotherDistrictsOrderDoesNotExistForAnOfficer() {
        String id = issue(officerA, OrderRequests.valid());
        HttpResponse<String> theirs = officerA.as(Persona.OFFICER_B).get("/api/v1/orders/" + id);
        HttpResponse<String> missing =
                officerA.as(Persona.OFFICER_B).get("/api/v1/orders/" + java.util.UUID.randomUUID());

        assertThat(theirs.statusCode()).isEqualTo(404);
        // Exactly like an id that names nothing, but for the instance: existence is not revealed.
        assertThat(ApiClient.json(theirs).get("detail"))
                .isEqualTo(ApiClient.json(missing).get("detail"));
        assertThat(ApiClient.json(theirs).get("type"))
                .isEqualTo(ApiClient.json(missing).get("type"));
        assertThat(theirs.body()).doesNotContain(OrderRequests.OFFENDER_IIN);
        assertThat(officerA.as(Persona.COURT_CLERK).get("/api/v1/orders/" + id).statusCode())
                .as("courts read every district")
                .isEqualTo(200);
        assertThat(scrape())
                .contains("qorgau_security_rejections_total{application=\"order-service\","
                        + "reason=\"district\",status=\"404\"}");
    }

    @Test
    void anOfficerIssuesOnlyInTheirOwnDistrictAndTheTokenNamesTheOfficer() {
        long before = count("protective_order");
        HttpResponse<String> elsewhere = officerA.postOrder(OrderRequests.valid("AST-ESIL-UP-1", "AST-ESIL"));

        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(elsewhere).get("type").asString()).isEqualTo("urn:qorgau:problem:outside-district");
        assertThat(count("protective_order")).isEqualTo(before);

        JsonNode own =
                ApiClient.json(officerA.as(Persona.OFFICER_B).postOrder(OrderRequests.valid("AST-1", "AST-ESIL")));
        assertThat(own.get("issuingOfficer").asString()).isEqualTo(Persona.OFFICER_B.subject());
    }

    @Test
    void rolesThatMayNotReadOrdersGet403() {
        String id = issue(officerA, OrderRequests.valid());
        for (Persona persona : List.of(Persona.OPERATOR, Persona.AUDITOR)) {
            HttpResponse<String> response = officerA.as(persona).get("/api/v1/orders/" + id);
            assertThat(response.statusCode()).as(persona.name()).isEqualTo(403);
            assertThat(response.body()).doesNotContain(OrderRequests.OFFENDER_IIN);
        }
    }

    // --- victim contacts --------------------------------------------------------------------

    @Test
    void aSupervisorReadsVictimContactsOnlyWithAPurposeAndTheReadIsPublished() {
        String id = issue(officerA, OrderRequests.valid());
        ApiClient supervisor = officerA.as(Persona.SUPERVISOR_A);
        String path = "/api/v1/orders/" + id + "/victim-contacts";

        HttpResponse<String> withoutPurpose = supervisor.get(path);
        assertThat(withoutPurpose.statusCode()).isEqualTo(400);
        assertThat(withoutPurpose.body()).contains("Qorgau-Purpose").doesNotContain(OrderRequests.VICTIM_PHONE);
        assertThat(officerA.get(path, Map.of("Qorgau-Purpose", "curious")).statusCode())
                .as("officers do not read contacts")
                .isEqualTo(403);

        String purpose = "Звонок потерпевшей после нарушения";
        HttpResponse<String> read = supervisor.get(
                path,
                Map.of(
                        "Qorgau-Purpose",
                        URLEncoder.encode(purpose, StandardCharsets.UTF_8).replace("+", "%20")));

        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode contacts = ApiClient.json(read).get("contacts");
        assertThat(contacts.get(0).get("address").asString()).isEqualTo(OrderRequests.VICTIM_PHONE);
        assertThat(contacts.get(1).get("address").asString()).isEqualTo(OrderRequests.VICTIM_EMAIL);

        EventEnvelope<QorgauEvent> event =
                awaitAccess(e -> id.equals(e.orderId()) && e.kind() == AccessKind.VICTIM_CONTACTS_READ);
        AccessRecorded recorded = (AccessRecorded) event.data();
        assertThat(event.subject()).isEqualTo(id);
        assertThat(event.sequence())
                .as("after OrderIssued, in the order's own sequence")
                .isEqualTo(2);
        assertThat(recorded.actor().subject()).isEqualTo(Persona.SUPERVISOR_A.subject());
        assertThat(recorded.actor().roles()).containsExactly("SUPERVISOR");
        assertThat(recorded.actor().district()).isEqualTo(OrderRequests.DISTRICT);
        assertThat(recorded.orderDistrict()).isEqualTo(OrderRequests.DISTRICT);
        assertThat(recorded.fields()).containsExactly("victim.contacts");
        assertThat(recorded.purpose()).isEqualTo(purpose);
        assertThat(recorded.requiresReview()).isFalse();
        assertThat(recorded.occurredAt()).isBefore(Instant.now().plusSeconds(1));
    }

    // The person check and its hit: personcheck.PersonCheckTest, in the same context.

    // --- break glass ------------------------------------------------------------------------

    @Test
    void breakGlassOpensAnotherDistrictForAWhileAndEveryUseIsPublishedAndReviewed() {
        String id = issue(officerA, OrderRequests.valid());
        ApiClient officerB = officerA.as(Persona.OFFICER_B);
        ApiClient supervisor = officerA.as(Persona.SUPERVISOR_A);
        assertThat(officerB.get("/api/v1/orders/" + id).statusCode()).isEqualTo(404);

        HttpResponse<String> own = officerB.post(
                "/api/v1/break-glass-grants",
                "{\"district\": \"AST-ESIL\", \"reason\": \"my own district, needs nothing\"}",
                Map.of());
        assertThat(own.statusCode()).isEqualTo(400);

        HttpResponse<String> granted = officerB.post(
                "/api/v1/break-glass-grants",
                "{\"district\": \"ALM-BOSTANDYK\", \"reason\": \"Call-out: offender registered in Almaty\"}",
                Map.of());
        assertThat(granted.statusCode()).isEqualTo(201);
        JsonNode grant = ApiClient.json(granted);
        String grantId = grant.get("id").asString();
        assertThat(Duration.between(
                        Instant.parse(grant.get("grantedAt").asString()),
                        Instant.parse(grant.get("expiresAt").asString())))
                .isEqualTo(Duration.ofMinutes(30));

        HttpResponse<String> read = officerB.get("/api/v1/orders/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(OrderRequests.VICTIM_PHONE);

        AccessRecorded grantEvent = (AccessRecorded)
                awaitAccess(e -> e.kind() == AccessKind.BREAK_GLASS_GRANTED && grantId.equals(e.accessId()))
                        .data();
        assertThat(grantEvent.requiresReview()).isTrue();
        assertThat(grantEvent.breakGlass().reason()).isEqualTo("Call-out: offender registered in Almaty");
        AccessRecorded readEvent =
                (AccessRecorded) awaitAccess(e -> e.kind() == AccessKind.BREAK_GLASS_READ && id.equals(e.orderId()))
                        .data();
        assertThat(readEvent.breakGlass().grantId()).isEqualTo(grantId);
        assertThat(readEvent.actor().district()).isEqualTo("AST-ESIL");
        assertThat(readEvent.fields()).contains("victim.iin");

        // When it has expired (moved an hour into the past), the order is hidden again.
        jdbc.sql(
                        """
                        UPDATE break_glass_grant
                        SET granted_at = granted_at - interval '1 hour', expires_at = granted_at - interval '30 minutes'
                        WHERE id = :id""")
                .param("id", java.util.UUID.fromString(grantId))
                .update();
        assertThat(officerB.get("/api/v1/orders/" + id).statusCode()).isEqualTo(404);

        JsonNode pending = ApiClient.json(supervisor.get("/api/v1/break-glass-grants"));
        assertThat(pending.findValuesAsString("id")).contains(grantId);
        String review = "/api/v1/break-glass-grants/" + grantId + "/review";
        assertThat(supervisor
                        .post(review, "{\"outcome\": \"JUSTIFIED\"}", Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertThat(supervisor
                        .post(review, "{\"outcome\": \"NOT_JUSTIFIED\"}", Map.of())
                        .statusCode())
                .isEqualTo(409);
        assertThat(ApiClient.json(supervisor.get("/api/v1/break-glass-grants")).findValuesAsString("id"))
                .doesNotContain(grantId);
    }

    @Test
    void breakGlassOpensAnOrderButNeverTheVictimsContacts() {
        ApiClient officerB = officerA.as(Persona.OFFICER_B);
        ApiClient supervisorA = officerA.as(Persona.SUPERVISOR_A);
        String id = issue(officerB, OrderRequests.valid("AST-ESIL-UP-7", "AST-ESIL"));
        HttpResponse<String> granted = supervisorA.post(
                "/api/v1/break-glass-grants",
                "{\"district\": \"AST-ESIL\", \"reason\": \"Call-out: the offender came to Almaty\"}",
                Map.of());
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        assertThat(supervisorA.get("/api/v1/orders/" + id).statusCode())
                .as("the grant opens the order")
                .isEqualTo(200);

        HttpResponse<String> contacts = supervisorA.get(
                "/api/v1/orders/" + id + "/victim-contacts", Map.of("Qorgau-Purpose", "calling the victim"));
        HttpResponse<String> missing = supervisorA.get(
                "/api/v1/orders/" + java.util.UUID.randomUUID() + "/victim-contacts",
                Map.of("Qorgau-Purpose", "calling the victim"));

        assertThat(contacts.statusCode()).as(contacts.body()).isEqualTo(404);
        assertThat(contacts.body())
                .doesNotContain(OrderRequests.VICTIM_PHONE)
                .doesNotContain(OrderRequests.VICTIM_EMAIL);
        // As for another district's order without a grant: existence is not revealed either.
        assertThat(ApiClient.json(contacts).get("type"))
                .isEqualTo(ApiClient.json(missing).get("type"));
        assertThat(ApiClient.json(contacts).get("detail"))
                .isEqualTo(ApiClient.json(missing).get("detail"));

        // A second read of the order is a marker: the order's events share one partition, so any event
        // the refused contacts read had published would come before it.
        assertThat(supervisorA.get("/api/v1/orders/" + id).statusCode()).isEqualTo(200);
        List<AccessRecorded> reads = accessEventsOfOrderUntil(id, 2);
        assertThat(reads)
                .as("only the two reads of the order are recorded; no contacts were read")
                .allSatisfy(read -> {
                    assertThat(read.kind()).isEqualTo(AccessKind.BREAK_GLASS_READ);
                    assertThat(read.fields()).doesNotContain("victim.contacts");
                });
        assertThat(scrape())
                .contains("qorgau_security_rejections_total{application=\"order-service\","
                        + "reason=\"district\",status=\"404\"}");
    }

    @Test
    void aGrantReviewedAsNotJustifiedEndsAtOnce() {
        String id = issue(officerA, OrderRequests.valid());
        ApiClient officerB = officerA.as(Persona.OFFICER_B);
        HttpResponse<String> granted = officerB.post(
                "/api/v1/break-glass-grants",
                "{\"district\": \"ALM-BOSTANDYK\", \"reason\": \"Curiosity dressed up as a call-out\"}",
                Map.of());
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        String grantId = ApiClient.json(granted).get("id").asString();
        assertThat(officerB.get("/api/v1/orders/" + id).statusCode()).isEqualTo(200);

        HttpResponse<String> reviewed = officerA.as(Persona.SUPERVISOR_A)
                .post(
                        "/api/v1/break-glass-grants/" + grantId + "/review",
                        "{\"outcome\": \"NOT_JUSTIFIED\"}",
                        Map.of());
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);

        assertThat(officerB.get("/api/v1/orders/" + id).statusCode())
                .as("the next read after the verdict, though the grant has not expired")
                .isEqualTo(404);
    }

    // --- write limit -------------------------------------------------------------------------

    @Test
    void aWriteRefusedForItsRoleUsesNoneOfTheAllowance() {
        ApiClient officerB = officerA.as(Persona.OFFICER_B);
        HttpResponse<String> granted = officerB.post(
                "/api/v1/break-glass-grants",
                "{\"district\": \"ALM-BOSTANDYK\", \"reason\": \"A grant only a supervisor may review\"}",
                Map.of());
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        String review = "/api/v1/break-glass-grants/"
                + ApiClient.json(granted).get("id").asString() + "/review";
        String bucket = "write:" + Persona.OFFICER_A.subject();
        jdbc.sql("DELETE FROM access_rate_bucket WHERE id = :id")
                .param("id", bucket)
                .update();

        for (int i = 0; i < 5; i++) {
            // Reviews are write-limited and for supervisors only.
            HttpResponse<String> refused = officerA.post(review, "{\"outcome\": \"JUSTIFIED\"}", Map.of());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        }

        assertThat(jdbc.sql("SELECT count(*) FROM access_rate_bucket WHERE id = :id")
                        .param("id", bucket)
                        .query(Long.class)
                        .single())
                .as("no write was taken from officer A's allowance")
                .isZero();
        assertThat(officerA.postOrder(OrderRequests.valid()).statusCode()).isEqualTo(201);
    }

    // --- authentication ---------------------------------------------------------------------

    @Test
    void refusedTokensAreCountedByReason() {
        String id = issue(officerA, OrderRequests.valid());
        ApiClient anonymous = new ApiClient(port);
        HttpResponse<String> noToken = anonymous.get("/api/v1/orders/" + id);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(noToken.body()).contains("urn:qorgau:problem:unauthenticated");

        HttpResponse<String> expired = anonymous.get(
                "/api/v1/orders/" + id,
                Map.of("Authorization", "Bearer " + infrastructure.identity().expiredToken(Persona.OFFICER_A)));
        assertThat(expired.statusCode()).isEqualTo(401);
        HttpResponse<String> wrongAudience = anonymous.get(
                "/api/v1/orders/" + id,
                Map.of("Authorization", "Bearer " + infrastructure.identity().wrongAudienceToken(Persona.OFFICER_A)));
        assertThat(wrongAudience.statusCode()).isEqualTo(401);

        for (String unusable : List.of(
                infrastructure.identity().tokenWithoutSubject(Persona.OFFICER_A),
                infrastructure.identity().tokenWithOverlongSubject(Persona.OFFICER_A),
                infrastructure.identity().tokenWithOverlongDistrict(Persona.OFFICER_A),
                infrastructure.identity().tokenWithDistrictArray(Persona.OFFICER_A))) {
            HttpResponse<String> refused = anonymous.post(
                    "/api/v1/orders", OrderRequests.valid(), Map.of("Authorization", "Bearer " + unusable));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        }

        assertThat(scrape())
                .contains("qorgau_security_rejections_total{application=\"order-service\",reason=\"invalid_claims\"")
                .contains("qorgau_security_rejections_total{application=\"order-service\",reason=\"missing_token\"")
                .contains("qorgau_security_rejections_total{application=\"order-service\",reason=\"expired\"")
                .contains("qorgau_security_rejections_total{application=\"order-service\",reason=\"wrong_audience\"");
    }

    @Test
    void theClaimLimitsFitEveryColumnThatKeepsAClaim() {
        for (String column : List.of(
                "protective_order.issued_by",
                "break_glass_grant.subject",
                "break_glass_grant.reviewed_by",
                "idempotency_key.caller",
                "special_requirements.imposed_by",
                "special_requirements_extension.extended_by",
                "reporting_visit.recorded_by",
                "order_risk_assessment.assessed_by",
                "approach_ban.imposed_by")) {
            assertThat(columnLength(column)).as(column).isGreaterThanOrEqualTo(StaffClaims.MAX_SUBJECT_LENGTH);
        }
        for (String column : List.of(
                "protective_order.district",
                "break_glass_grant.subject_district",
                "special_requirements.district",
                "approach_ban.district")) {
            assertThat(columnLength(column)).as(column).isGreaterThanOrEqualTo(StaffClaims.MAX_DISTRICT_LENGTH);
        }
    }

    private int columnLength(String tableAndColumn) {
        String[] parts = tableAndColumn.split("\\.");
        return jdbc.sql(
                        """
                        SELECT character_maximum_length FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = :table AND column_name = :column
                        """)
                .param("table", parts[0])
                .param("column", parts[1])
                .query(Integer.class)
                .single();
    }

    // --- helpers ----------------------------------------------------------------------------

    private static String issue(ApiClient api, String body) {
        HttpResponse<String> response = api.postOrder(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response).get("id").asString();
    }

    private EventEnvelope<QorgauEvent> awaitAccess(Predicate<AccessRecorded> matching) {
        return await().atMost(WITHIN)
                .until(
                        () -> access.drain(Duration.ofMillis(200)).stream()
                                .map(EventTopicReader::decode)
                                .filter(event ->
                                        event.data() instanceof AccessRecorded recorded && matching.test(recorded))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** The access events about order {@code id}, read until {@code count} of them have arrived. */
    private List<AccessRecorded> accessEventsOfOrderUntil(String id, int count) {
        List<AccessRecorded> events = new java.util.ArrayList<>();
        await().atMost(WITHIN)
                .until(
                        () -> {
                            access.drain(Duration.ofMillis(200)).stream()
                                    .map(EventTopicReader::decode)
                                    .filter(event -> event.data() instanceof AccessRecorded recorded
                                            && id.equals(recorded.orderId()))
                                    .forEach(event -> events.add((AccessRecorded) event.data()));
                            return events.size();
                        },
                        size -> size >= count);
        return events;
    }

    private String scrape() {
        return new ManagementEndpoints(managementPort).get("/prometheus").body();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
