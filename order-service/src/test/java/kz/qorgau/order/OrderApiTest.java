package kz.qorgau.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.VictimContact;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.sealed.SealedFieldCipher;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.http.ManagementEndpoints;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP API end to end on a real PostgreSQL and Kafka: issue, read back, validation, idempotency,
 * the OrderIssued CloudEvent on the topic, and the OpenAPI document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure(sharedContext = "order-service")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderApiTest {

    /** The local-only demo key of application.yml, as notification-service holds it. */
    private static final SealedFieldCipher NOTIFICATION_SERVICE_KEYS = SealedFieldCipher.fromBase64Keys(
            Map.of("local-demo-1", "zNCDUjXb06fj17a5/Ou1vsQSflnxWQAaNFKUG8F6XhA="), "local-demo-1");

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Value("${local.management.port}")
    int managementPort;

    ApiClient api;
    EventTopicReader orders;

    @BeforeAll
    void openClients() {
        api = new ApiClient(port, infrastructure.identity(), Persona.OFFICER_A);
        orders = EventTopicReader.open(infrastructure.kafka(), infrastructure.topic(Topics.ORDERS_TOPIC));
    }

    @AfterAll
    void closeClients() {
        orders.close();
    }

    // --- issue and look up -------------------------------------------------------------------

    @Test
    void issuesAnOrderAndReadsItBack() {
        HttpResponse<String> created = api.postOrder(OrderRequests.valid("ALM-BOSTANDYK-UP-02"));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode order = ApiClient.json(created);
        String id = order.get("id").asString();
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/orders/" + id));
        assertThat(order.get("orderNumber").asString()).matches("PO-ALM-BOSTANDYK-\\d{4}-\\d{6}");
        assertThat(order.get("status").asString()).isEqualTo("ISSUED");
        assertThat(order.get("issuedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
        assertThat(order.get("validUntil").isNull()).isTrue();
        assertThat(order.get("policeUnit").asString()).isEqualTo("ALM-BOSTANDYK-UP-02");
        assertThat(order.get("issuingOfficer").asString()).isEqualTo(Persona.OFFICER_A.subject());
        assertThat(order.get("legalBasis").get("law").asString()).isEqualTo("KZ-245-VIII");
        assertThat(order.get("offender").get("iin").asString()).isEqualTo(OrderRequests.OFFENDER_IIN);
        // Contacts are read apart, with a stated purpose (AccessControlTest).
        assertThat(order.get("victim").has("contacts")).isFalse();
        assertThat(created.body())
                .doesNotContain(OrderRequests.VICTIM_PHONE)
                .doesNotContain(OrderRequests.VICTIM_EMAIL);

        HttpResponse<String> read =
                api.get(created.headers().firstValue("Location").orElseThrow());
        assertThat(read.statusCode()).isEqualTo(200);
        // Warnings (another active order against the offender) belong to the answer of the issue only.
        ((ObjectNode) order).remove("warnings");
        JsonNode readBack = ApiClient.json(read);
        assertThat(readBack.get("warnings")).isEmpty();
        ((ObjectNode) readBack).remove("warnings");
        assertThat(readBack).isEqualTo(order);
    }

    @Test
    void anUnknownOrMalformedIdIsNotFound() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "1-1-1-1-1")) {
            HttpResponse<String> response = api.get("/api/v1/orders/" + id);
            assertThat(response.statusCode()).as(id).isEqualTo(404);
            assertProblem(response, "urn:qorgau:problem:order-not-found");
        }
    }

    // --- the event on the topic ------------------------------------------------------------

    @Test
    void publishesOrderIssuedAsACloudEventWithTheVictimsContactSealed() {
        HttpResponse<String> created = api.postOrder(OrderRequests.valid());
        assertThat(created.statusCode()).isEqualTo(201);
        String id = ApiClient.json(created).get("id").asString();

        ConsumerRecord<String, byte[]> record = awaitRecordsFor(id, 1).get(0);

        assertThat(record.key()).isEqualTo(id);
        assertThat(header(record, "ce_type")).isEqualTo(OrderIssued.TYPE);
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        assertThat(header(record, "ce_subjectseq")).isEqualTo("1");
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(EventEnvelope.isValidTraceparent(header(record, "ce_traceparent")))
                .as("ce_traceparent")
                .isTrue();
        EventEnvelope<QorgauEvent> envelope = EventTopicReader.decode(record);
        OrderIssued event = (OrderIssued) envelope.data();
        assertThat(event.orderId()).isEqualTo(id);
        assertThat(event.orderNumber())
                .isEqualTo(ApiClient.json(created).get("orderNumber").asString());
        assertThat(event.validUntil()).isNull();
        assertThat(event.legalBasis().law()).isEqualTo("KZ-245-VIII");

        VictimContact contact = NOTIFICATION_SERVICE_KEYS.openJson(
                event.victimContact(),
                SealedFieldCipher.binding(id, OrderIssued.VICTIM_CONTACT_FIELD),
                VictimContact.class);
        assertThat(contact.phone()).isEqualTo(OrderRequests.VICTIM_PHONE);
        assertThat(contact.email()).isEqualTo(OrderRequests.VICTIM_EMAIL);
        assertThat(contact.fullName()).isEqualTo("Ахметова Айгерим");
        assertThat(contact.language()).isEqualTo("kk");

        String everything = record.key()
                + new String(record.value(), StandardCharsets.UTF_8)
                + StreamSupport.stream(record.headers().spliterator(), false)
                        .map(h -> h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining(";"));
        for (String personal : List.of(
                OrderRequests.VICTIM_PHONE,
                OrderRequests.VICTIM_PHONE.substring(1),
                OrderRequests.VICTIM_EMAIL,
                OrderRequests.OFFENDER_IIN,
                OrderRequests.VICTIM_IIN,
                "Ахмет",
                "Айгерим",
                "Ерлан")) {
            assertThat(everything)
                    .as("the record must not contain personal data in clear")
                    .doesNotContain(personal);
        }

        // The outbox row is marked published at the offset the broker gave it.
        await().atMost(WITHIN)
                .until(() -> jdbc.sql("SELECT published_at IS NOT NULL FROM kit_outbox WHERE subject = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single());
        assertThat(jdbc.sql("SELECT kafka_partition, kafka_offset FROM kit_outbox WHERE subject = :id")
                        .param("id", id)
                        .query((rs, n) -> List.of(rs.getInt(1), rs.getLong(2)))
                        .single())
                .isEqualTo(List.of(record.partition(), record.offset()));
    }

    // --- validation ------------------------------------------------------------------------

    @Test
    void namesEveryBadFieldStoresNothingAndNeverEchoesAValue() {
        long ordersBefore = count("protective_order");
        long outboxBefore = count("kit_outbox");
        String body =
                """
                {
                  "offender": {"iin": "850703300128", "lastName": "  ", "firstName": "Ерлан"},
                  "victim": {
                    "iin": "990230300114", "lastName": "Ахметова", "firstName": "%s",
                    "contacts": [
                      {"channel": "EMAIL", "address": "not-an-email", "preferredLanguage": "kk"},
                      {"channel": "SMS", "address": "87011234567", "preferredLanguage": "ru"},
                      null
                    ]
                  },
                  "prohibitions": ["DOMESTIC_VIOLENCE", "DOMESTIC_VIOLENCE"],
                  "district": "%s"
                }
                """
                        .formatted("A".repeat(101), "D".repeat(33));

        HttpResponse<String> response = api.postOrder(body, "validation-" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "urn:qorgau:problem:invalid-request");
        assertThat(errorFields(response))
                .containsExactlyInAnyOrder(
                        "offender.iin",
                        "offender.lastName",
                        "victim.iin",
                        "victim.firstName",
                        "victim.contacts[0].address",
                        "victim.contacts[1].address",
                        "victim.contacts[2]",
                        "prohibitions",
                        "policeUnit",
                        "district");
        assertThat(errorMessage(response, "offender.iin")).isEqualTo("has a wrong check digit");
        assertThat(errorMessage(response, "victim.iin")).contains("birth date");
        for (String value : List.of("850703300128", "990230300114", "not-an-email", "87011234567")) {
            assertThat(response.body()).doesNotContain(value);
        }
        assertThat(count("protective_order")).isEqualTo(ordersBefore);
        assertThat(count("kit_outbox")).isEqualTo(outboxBefore);
        assertThat(count("idempotency_key WHERE idempotency_key LIKE 'validation-%'"))
                .isZero();
    }

    @Test
    void boundsListsAndRequiresTheParts() {
        String contact = "{\"channel\": \"EMAIL\", \"address\": \"a@example.kz\", \"preferredLanguage\": \"en\"}";
        String body =
                """
                {
                  "victim": {"iin": "900101401238", "lastName": "A", "firstName": "B", "contacts": [%s]},
                  "prohibitions": [],
                  "policeUnit": "UNIT-1", "district": "DISTRICT-1"
                }
                """
                        .formatted(String.join(",", java.util.Collections.nCopies(11, contact)));

        HttpResponse<String> response = api.postOrder(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactlyInAnyOrder("offender", "victim.contacts", "prohibitions");
    }

    @Test
    void refusesMalformedJsonUnknownPropertiesAndUnknownValues() {
        long ordersBefore = count("protective_order");

        HttpResponse<String> notJson = api.postOrder("{\"offender\": {\"iin\": \"850703300127\"");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertProblem(notJson, "urn:qorgau:problem:malformed-request");
        assertThat(notJson.body()).doesNotContain("850703300127");

        HttpResponse<String> unknownProperty = api.postOrder(OrderRequests.valid()
                .replace("\"firstName\": \"Айгерим\"", "\"firstName\": \"Айгерим\", \"nickname\": \"Aika\""));
        assertThat(unknownProperty.statusCode()).isEqualTo(400);
        assertProblem(unknownProperty, "urn:qorgau:problem:malformed-request");
        assertThat(errorFields(unknownProperty)).containsExactly("victim.nickname");
        assertThat(unknownProperty.body()).doesNotContain("Aika");

        HttpResponse<String> unknownProhibition =
                api.postOrder(OrderRequests.valid().replace("\"CONTACTING_VICTIM\"", "\"SECRET_PROHIBITION\""));
        assertThat(unknownProhibition.statusCode()).isEqualTo(400);
        assertThat(errorFields(unknownProhibition)).containsExactly("prohibitions[1]");
        assertThat(unknownProhibition.body()).doesNotContain("SECRET_PROHIBITION");

        HttpResponse<String> unknownLanguage = api.postOrder(
                OrderRequests.valid().replace("\"preferredLanguage\": \"ru\"", "\"preferredLanguage\": \"de\""));
        assertThat(unknownLanguage.statusCode()).isEqualTo(400);
        assertThat(errorFields(unknownLanguage)).containsExactly("victim.contacts[1].preferredLanguage");

        assertThat(count("protective_order")).isEqualTo(ordersBefore);
    }

    // --- idempotency ------------------------------------------------------------------------

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheFirstResult() {
        String key = UUID.randomUUID().toString();
        String body = OrderRequests.valid();
        long ordersBefore = count("protective_order");

        HttpResponse<String> first = api.postOrder(body, key);
        // Same content, other formatting and property order: the canonical fingerprint matches.
        String reformatted = body.replace("\n", " ")
                .replace("\"prohibitions\": [\"DOMESTIC_VIOLENCE\", \"CONTACTING_VICTIM\"],", "")
                .replace(
                        "\"district\": \"ALM-BOSTANDYK\"",
                        "\"district\": \"ALM-BOSTANDYK\", \"prohibitions\": [\"DOMESTIC_VIOLENCE\", \"CONTACTING_VICTIM\"]");
        HttpResponse<String> retry = api.postOrder(reformatted, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(count("protective_order")).isEqualTo(ordersBefore + 1);

        String id = ApiClient.json(first).get("id").asString();
        assertThat(count("kit_outbox WHERE subject = '" + id + "'")).isEqualTo(1);
        awaitRecordsFor(id, 1);
        await().atMost(WITHIN)
                .until(() -> count("kit_outbox WHERE subject = '" + id + "' AND published_at IS NOT NULL") == 1);
        assertThat(recordsFor(orders.drain(Duration.ofMillis(500)), id)).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = api.postOrder(OrderRequests.valid("UNIT-A"), key);
        long ordersAfterFirst = count("protective_order");

        HttpResponse<String> other = api.postOrder(OrderRequests.valid("UNIT-B"), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(other.statusCode()).isEqualTo(422);
        assertProblem(other, "urn:qorgau:problem:idempotency-key-reused");
        assertThat(count("protective_order")).isEqualTo(ordersAfterFirst);
        // The first result is still there for a true retry.
        assertThat(api.postOrder(OrderRequests.valid("UNIT-A"), key).body()).isEqualTo(first.body());
    }

    @Test
    void concurrentDuplicatesCreateOneOrder() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = OrderRequests.valid();
        long ordersBefore = count("protective_order");
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Callable<HttpResponse<String>> post = () -> {
                    start.await();
                    return api.postOrder(body, key);
                };
                responses.add(pool.submit(post));
            }
            start.countDown();
            Set<String> ids = new java.util.HashSet<>();
            for (Future<HttpResponse<String>> response : responses) {
                HttpResponse<String> result = response.get();
                assertThat(result.statusCode()).isEqualTo(201);
                ids.add(ApiClient.json(result).get("id").asString());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("protective_order")).isEqualTo(ordersBefore + 1);
    }

    @Test
    void anExpiredKeyMayBeUsedAgain() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = api.postOrder(OrderRequests.valid("UNIT-C"), key);
        assertThat(first.statusCode()).isEqualTo(201);
        // As if qorgau.idempotency.ttl (24 h) had passed.
        jdbc.sql("UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE idempotency_key = :key")
                .param("key", key)
                .update();

        HttpResponse<String> later = api.postOrder(OrderRequests.valid("UNIT-D"), key);

        assertThat(later.statusCode()).isEqualTo(201);
        assertThat(ApiClient.json(later).get("id"))
                .isNotEqualTo(ApiClient.json(first).get("id"));
        assertThat(later.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void refusesAnIdempotencyKeyThatIsNotVisibleAscii() {
        long ordersBefore = count("protective_order");
        HttpResponse<String> response = api.postOrder(OrderRequests.valid(), "x".repeat(256));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly("Idempotency-Key");
        assertThat(count("protective_order")).isEqualTo(ordersBefore);
    }

    // --- metrics ----------------------------------------------------------------------------

    @Test
    void exposesTheRelaysMetricsWithoutPersonalData() {
        String id =
                ApiClient.json(api.postOrder(OrderRequests.valid())).get("id").asString();
        awaitRecordsFor(id, 1);
        ManagementEndpoints management = new ManagementEndpoints(managementPort);

        await().atMost(WITHIN).untilAsserted(() -> {
            String scrape = management.get("/prometheus").body();
            assertThat(scrape)
                    .contains("qorgau_outbox_relay_leader{application=\"order-service\"} 1.0")
                    .contains("qorgau_outbox_backlog_events{application=\"order-service\"} 0.0")
                    .contains("qorgau_outbox_oldest_unpublished_age_seconds")
                    .contains("qorgau_outbox_publish_seconds_count{application=\"order-service\",outcome=\"published\","
                            + "type=\"kz.qorgau.order.issued.v1\"}");
        });
        String scrape = management.get("/prometheus").body();
        assertThat(scrape).doesNotContain(id).doesNotContain(OrderRequests.VICTIM_IIN);
    }

    // --- OpenAPI ---------------------------------------------------------------------------

    @Test
    void describesTheApiInOpenApiWithProblemResponses() {
        HttpResponse<String> docs = api.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = ApiClient.json(docs).get("paths");

        JsonNode post = paths.get("/api/v1/orders").get("post");
        assertThat(post.get("summary").asString()).isNotBlank();
        assertThat(post.get("tags").get(0).asString()).isEqualTo("Orders");
        assertThat(fieldNames(post.get("responses"))).contains("201", "400", "422");
        assertThat(fieldNames(post.get("responses").get("400").get("content"))).contains("application/problem+json");
        assertThat(fieldNames(post.get("responses").get("422").get("content"))).contains("application/problem+json");
        assertThat(post.get("parameters").toString()).contains("Idempotency-Key");

        JsonNode get = paths.get("/api/v1/orders/{id}").get("get");
        assertThat(get.get("summary").asString()).isNotBlank();
        assertThat(fieldNames(get.get("responses"))).contains("200", "404");
        assertThat(fieldNames(get.get("responses").get("404").get("content"))).contains("application/problem+json");

        assertThat(api.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    // --- helpers ----------------------------------------------------------------------------

    private List<ConsumerRecord<String, byte[]>> awaitRecordsFor(String orderId, int count) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await().atMost(WITHIN).until(() -> {
            found.clear();
            found.addAll(recordsFor(orders.drain(Duration.ofMillis(200)), orderId));
            return found.size() >= count;
        });
        return found;
    }

    private static List<ConsumerRecord<String, byte[]>> recordsFor(
            List<ConsumerRecord<String, byte[]>> records, String orderId) {
        return records.stream().filter(r -> orderId.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as(name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void assertProblem(HttpResponse<String> response, String type) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = ApiClient.json(response);
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.get("title").asString()).isNotBlank();
    }

    private static List<String> errorFields(HttpResponse<String> response) {
        JsonNode errors = ApiClient.json(response).get("errors");
        assertThat(errors).as("errors in " + response.body()).isNotNull();
        List<String> fields = new ArrayList<>();
        errors.forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    private static String errorMessage(HttpResponse<String> response, String field) {
        for (JsonNode error : ApiClient.json(response).get("errors")) {
            if (error.get("field").asString().equals(field)) {
                return error.get("message").asString();
            }
        }
        throw new AssertionError("no error for " + field);
    }

    private static List<String> fieldNames(JsonNode node) {
        assertThat(node).isNotNull();
        return new ArrayList<>(node.propertyNames());
    }

    private long count(String tableAndCondition) {
        return jdbc.sql("SELECT count(*) FROM " + tableAndCondition)
                .query(Long.class)
                .single();
    }
}
