package kz.qorgau.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import kz.qorgau.audit.entry.AuditLog;
import kz.qorgau.audit.entry.LeafHash;
import kz.qorgau.audit.entry.StoredEntry;
import kz.qorgau.events.AccessKind;
import kz.qorgau.events.AccessRecorded;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.http.ManagementEndpoints;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * audit-service on the real broker and database: events of both topics become entries, a
 * duplicate does not, a poison record is appended raw and flagged without stopping the trail, and
 * verification finds a changed entry. It reads the trail as an auditor (access rules: see the access
 * package's tests). The test's database login owns the table (it ran the migration), which is what
 * lets the tampering test disable the trigger, as only an owner could.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure
@Import(CatalogueTopics.class)
class AuditTrailTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Value("${local.management.port}")
    int managementPort;

    EventTopicWriter writer;

    @BeforeEach
    void openWriter() {
        writer = EventTopicWriter.open(infrastructure.kafka());
    }

    @AfterEach
    void closeWriter() {
        writer.close();
    }

    @Test
    void eventsOfBothTopicsBecomeEntriesWithGaplessSequenceNumbersAndTheTrailVerifies() {
        String orderId = UUID.randomUUID().toString();
        List<EventEnvelope<?>> events = List.of(
                ExampleEvents.orderIssued(orderId),
                ExampleEvents.notificationSent(orderId, 2),
                ExampleEvents.notificationFailed(orderId, 3));
        Map<UUID, RecordMetadata> sent = new HashMap<>();
        events.forEach(event -> sent.put(event.id(), writer.send(topicOf(event), event)));

        JsonNode entries = awaitEntries(orderId, 3).get("entries");

        List<Long> sequences = new ArrayList<>();
        for (JsonNode entry : entries) {
            EventEnvelope<?> event = events.stream()
                    .filter(e -> e.id().toString().equals(entry.get("eventId").asString()))
                    .findFirst()
                    .orElseThrow();
            RecordMetadata metadata = sent.get(event.id());
            sequences.add(entry.get("sequence").asLong());
            assertThat(entry.get("type").asString()).isEqualTo(event.type());
            assertThat(entry.get("source").asString()).isEqualTo(event.source().toString());
            assertThat(entry.get("subject").asString()).isEqualTo(orderId);
            assertThat(entry.get("subjectSequence").asLong()).isEqualTo(event.sequence());
            assertThat(entry.get("topic").asString()).isEqualTo(metadata.topic());
            assertThat(entry.get("partition").asInt()).isEqualTo(metadata.partition());
            assertThat(entry.get("offset").asLong()).isEqualTo(metadata.offset());
            assertThat(entry.get("dataContentType").asString()).isEqualTo("application/json");
            assertThat(entry.get("dataSchema").asString())
                    .isEqualTo("urn:qorgau:events:schema:" + event.type().substring("kz.qorgau.".length()));
            // Exactly the bytes on the topic: sealed fields stay sealed.
            assertThat(Base64.getDecoder().decode(entry.get("payload").asString()))
                    .isEqualTo(ExampleEvents.dataBytes(event));
            assertThat(entry.get("leafHash").asString()).hasSize(64);
        }
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        // The victim's contacts are in the trail only as the producer sealed them.
        String orderIssuedPayload = new String(
                Base64.getDecoder()
                        .decode(entryOfType(entries, "kz.qorgau.order.issued.v1")
                                .get("payload")
                                .asString()),
                StandardCharsets.UTF_8);
        assertThat(orderIssuedPayload).contains("\"victimContact\":{\"keyId\"").contains("\"ciphertext\":\"JOxNt1EQ");

        long size =
                jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
        assertThat(jdbc.sql("SELECT sequence FROM audit_entry ORDER BY sequence")
                        .query(Long.class)
                        .list())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, size).boxed().toList());
        JsonNode verification = getJson("/api/v1/audit/verify");
        assertThat(verification.get("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.get("size").asLong()).isEqualTo(size);
        String head = jdbc.sql("SELECT encode(chain_hash, 'hex') FROM audit_entry ORDER BY sequence DESC LIMIT 1")
                .query(String.class)
                .single();
        assertThat(verification.get("headHash").asString()).isEqualTo(head);
    }

    @Test
    void accessRecordsAreAuditedUnderTheirOrderOrElseTheirOwnAccessId() {
        String orderId = UUID.randomUUID().toString();
        EventEnvelope<AccessRecorded> breakGlassRead = ExampleEvents.accessRecorded(orderId, 1);
        // A person check concerns no one order: its subject and key are its access id.
        AccessRecorded check = new AccessRecorded(
                UUID.randomUUID().toString(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                AccessKind.PERSON_CHECK,
                new AccessRecorded.Accessor("demo-officer-b", List.of("OFFICER"), "AST-SARY"),
                null,
                null,
                List.of(),
                null,
                null,
                2,
                false);
        EventEnvelope<AccessRecorded> personCheck = EventEnvelope.of(EventSources.ORDER_SERVICE, 1, check);
        send(breakGlassRead);
        send(personCheck);

        String accessTopic = infrastructure.topic(Topics.ACCESS_TOPIC);
        JsonNode read = awaitEntries(orderId, 1).get("entries").get(0);
        assertThat(read.get("eventId").asString()).isEqualTo(breakGlassRead.id().toString());
        assertThat(read.get("type").asString()).isEqualTo(AccessRecorded.TYPE);
        assertThat(read.get("topic").asString()).isEqualTo(accessTopic);
        assertThat(read.get("subject").asString()).isEqualTo(orderId);
        assertThat(Base64.getDecoder().decode(read.get("payload").asString()))
                .isEqualTo(ExampleEvents.dataBytes(breakGlassRead));
        JsonNode checked = awaitEntries(check.accessId(), 1).get("entries").get(0);
        assertThat(checked.get("eventId").asString()).isEqualTo(personCheck.id().toString());
        assertThat(checked.get("topic").asString()).isEqualTo(accessTopic);
        assertThat(checked.get("subject").asString()).isEqualTo(check.accessId());
        assertThat(checked.get("subjectSequence").asLong()).isEqualTo(1);
        assertThat(getJson("/api/v1/audit/verify").get("intact").asBoolean()).isTrue();
    }

    @Test
    void oneOrdersEntriesComeInPagesInSequenceOrder() {
        String orderId = UUID.randomUUID().toString();
        send(ExampleEvents.orderIssued(orderId));
        send(ExampleEvents.notificationSent(orderId, 2));
        send(ExampleEvents.notificationSent(orderId, 3));
        awaitEntries(orderId, 3);

        JsonNode first = getJson("/api/v1/audit/entries?subject=" + orderId + "&limit=2");
        assertThat(first.get("entries")).hasSize(2);
        long nextAfter = first.get("nextAfter").asLong();
        assertThat(nextAfter)
                .isEqualTo(first.get("entries").get(1).get("sequence").asLong());

        JsonNode second = getJson("/api/v1/audit/entries?subject=" + orderId + "&limit=2&after=" + nextAfter);
        assertThat(second.get("entries")).hasSize(1);
        assertThat(second.get("entries").get(0).get("sequence").asLong()).isGreaterThan(nextAfter);
        assertThat(second.get("nextAfter").isNull()).isTrue();

        JsonNode none = getJson("/api/v1/audit/entries?subject=" + UUID.randomUUID());
        assertThat(none.get("entries")).isEmpty();
    }

    @Test
    void aMalformedOrderIdOrLimitGetsA400ProblemNamingTheParameter() {
        assertBadRequest("/api/v1/audit/entries?subject=not-an-order-id", "subject", "must be a UUID");
        assertBadRequest("/api/v1/audit/entries", "subject", "is required");
        String valid = "subject=" + UUID.randomUUID();
        assertBadRequest("/api/v1/audit/entries?" + valid + "&limit=0", "limit", null);
        assertBadRequest("/api/v1/audit/entries?" + valid + "&limit=1001", "limit", null);
        assertBadRequest("/api/v1/audit/entries?" + valid + "&after=-1", "after", null);
        assertBadRequest("/api/v1/audit/entries?" + valid + "&limit=many", "limit", "must be an integer");
    }

    @Test
    void theSameEventConsumedTwiceIsOneEntry() {
        String orderId = UUID.randomUUID().toString();
        EventEnvelope<?> event = ExampleEvents.orderIssued(orderId);
        double duplicatesBefore = count("audit.entries.duplicates");

        send(event);
        send(event); // as the relay does after a crash between publishing and marking

        await().atMost(PATIENCE).until(() -> count("audit.entries.duplicates") >= duplicatesBefore + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE event_id = ?")
                        .param(event.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(getJson("/api/v1/audit/entries?subject=" + orderId).get("entries"))
                .hasSize(1);
    }

    @Test
    void anEventOfATypeThisBuildDoesNotKnowYetIsStillRecorded() {
        String orderId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        byte[] data = "{\"orderId\":\"%s\",\"servedAt\":\"2026-03-01T10:15:30Z\"}"
                .formatted(orderId)
                .getBytes(StandardCharsets.UTF_8);
        writer.sendRaw(
                infrastructure.topic(Topics.ORDERS_TOPIC),
                orderId,
                data,
                Map.of(
                        "ce_specversion", "1.0",
                        "ce_id", eventId,
                        "ce_type", "kz.qorgau.order.served.v9",
                        "ce_source", "urn:qorgau:service:order-service",
                        "ce_subject", orderId,
                        "ce_time", "2026-03-01T10:15:30Z",
                        "ce_subjectseq", "2",
                        "content-type", "application/json"));

        JsonNode entry = awaitEntries(orderId, 1).get("entries").get(0);
        assertThat(entry.get("eventId").asString()).isEqualTo(eventId);
        assertThat(entry.get("type").asString()).isEqualTo("kz.qorgau.order.served.v9");
        assertThat(entry.get("subjectSequence").asLong()).isEqualTo(2);
        // Stored encrypted under the order's key (docs/adr/0031), shown as received.
        assertThat(jdbc.sql("SELECT payload_key FROM audit_entry WHERE event_id = ?::uuid")
                        .param(eventId)
                        .query(String.class)
                        .single())
                .isEqualTo("subject:" + orderId);
        assertThat(Base64.getDecoder().decode(entry.get("payload").asString())).isEqualTo(data);
    }

    @Test
    void aPoisonRecordIsAppendedRawAndFlaggedAndTheNextRecordIsStillAppended() {
        String orderId = UUID.randomUUID().toString();
        String orders = infrastructure.topic(Topics.ORDERS_TOPIC);
        byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
        Map<String, String> cloudEventHeaders = Map.of(
                "ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(),
                "ce_type", "kz.qorgau.order.issued.v1",
                "ce_source", "urn:qorgau:service:order-service",
                "ce_subject", orderId,
                "ce_time", "2026-03-01T10:15:30Z",
                "ce_subjectseq", "1",
                "content-type", "application/json");
        // Same key, so the same partition: the valid event comes after both poison records.
        RecordMetadata first = writer.sendRaw(orders, orderId, notJson, cloudEventHeaders);
        RecordMetadata second =
                writer.sendRaw(orders, orderId, "plain text".getBytes(StandardCharsets.UTF_8), Map.of());
        EventEnvelope<?> next = ExampleEvents.orderIssued(orderId);
        send(next);

        assertThat(awaitEntries(orderId, 1).get("entries").get(0).get("eventId").asString())
                .isEqualTo(next.id().toString());
        List<JsonNode> flagged = new ArrayList<>();
        getJson("/api/v1/audit/unreadable?limit=1000").get("entries").forEach(entry -> {
            if (entry.get("topic").asString().equals(orders)
                    && entry.get("partition").asInt() == first.partition()) {
                flagged.add(entry);
            }
        });
        assertThat(flagged).extracting(entry -> entry.get("offset").asLong()).contains(first.offset(), second.offset());
        for (JsonNode entry : flagged) {
            assertThat(entry.get("unreadable").asBoolean()).isTrue();
            assertThat(entry.get("encodingVersion").asInt()).isEqualTo(3);
            assertThat(entry.get("eventId").isNull()).isTrue();
        }
        JsonNode notJsonEntry = flagged.stream()
                .filter(entry -> entry.get("offset").asLong() == first.offset())
                .findFirst()
                .orElseThrow();
        assertThat(Base64.getDecoder().decode(notJsonEntry.get("payload").asString()))
                .isEqualTo(notJson);
        assertThat(notJsonEntry.get("unreadableReason").asString()).contains("not valid JSON");
        assertThat(getJson("/api/v1/audit/verify").get("intact").asBoolean()).isTrue();
    }

    @Test
    void verificationFindsTheFirstChangedEntry() {
        String orderId = UUID.randomUUID().toString();
        send(ExampleEvents.orderIssued(orderId));
        send(ExampleEvents.notificationSent(orderId, 2));
        long changed =
                awaitEntries(orderId, 2).get("entries").get(0).get("sequence").asLong();
        assertThat(getJson("/api/v1/audit/verify").get("intact").asBoolean()).isTrue();
        byte[] original = jdbc.sql("SELECT payload FROM audit_entry WHERE sequence = ?")
                .param(changed)
                .query(byte[].class)
                .single();
        byte[] originalLeaf = jdbc.sql("SELECT leaf_hash FROM audit_entry WHERE sequence = ?")
                .param(changed)
                .query(byte[].class)
                .single();
        byte[] forged = new String(original, StandardCharsets.UTF_8)
                .replace("AST-ESIL", "AST-ALMA")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(forged).isNotEqualTo(original);
        try {
            // Only the owner can do this; the runtime role cannot (AppendOnlyTableTest).
            asOwnerWithoutTheTrigger("UPDATE audit_entry SET payload = ? WHERE sequence = ?", forged, changed);
            JsonNode payloadChanged = getJson("/api/v1/audit/verify/full").get("result");
            assertThat(payloadChanged.get("intact").asBoolean()).isFalse();
            assertThat(payloadChanged.get("firstBadSequence").asLong()).isEqualTo(changed);
            assertThat(payloadChanged.get("problem").asString()).isEqualTo("LEAF_MISMATCH");

            // A forger who also recomputes the leaf is caught by the chain.
            byte[] recomputedLeaf = recomputeLeaf(changed);
            assertThat(recomputedLeaf).isNotEqualTo(originalLeaf);
            asOwnerWithoutTheTrigger(
                    "UPDATE audit_entry SET leaf_hash = ? WHERE sequence = ?", recomputedLeaf, changed);
            JsonNode leafChanged = getJson("/api/v1/audit/verify/full").get("result");
            assertThat(leafChanged.get("intact").asBoolean()).isFalse();
            assertThat(leafChanged.get("firstBadSequence").asLong()).isEqualTo(changed);
            assertThat(leafChanged.get("problem").asString()).isEqualTo("CHAIN_MISMATCH");
        } finally {
            asOwnerWithoutTheTrigger(
                    "UPDATE audit_entry SET payload = ?, leaf_hash = ? WHERE sequence = ?",
                    original,
                    originalLeaf,
                    changed);
        }
        assertThat(getJson("/api/v1/audit/verify/full")
                        .get("result")
                        .get("intact")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void metricsTellTheTrailsState() {
        String orderId = UUID.randomUUID().toString();
        send(ExampleEvents.orderIssued(orderId));
        awaitEntries(orderId, 1);
        getJson("/api/v1/audit/verify");

        String scrape =
                new ManagementEndpoints(managementPort).get("/prometheus").body();
        assertThat(scrape)
                .contains("audit_entries_appended_total{")
                .contains("audit_log_size{")
                .contains("audit_writer_leader{application=\"audit-service\"} 1.0")
                .contains("audit_verify_seconds_count{")
                .contains("audit_verify_intact{application=\"audit-service\"} 1.0");
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        JsonNode paths = getJson("/v3/api-docs").get("paths");
        assertThat(paths.has("/api/v1/audit/entries")).isTrue();
        assertThat(paths.has("/api/v1/audit/verify")).isTrue();
        assertThat(paths.get("/api/v1/audit/entries")
                        .get("get")
                        .get("responses")
                        .has("400"))
                .isTrue();
        assertThat(get("/swagger-ui.html").statusCode()).isIn(200, 302);
    }

    /** The leaf of the entry as it is stored now, as a forger who knows the encoding would compute it. */
    private byte[] recomputeLeaf(long sequence) {
        StoredEntry stored = jdbc.sql("SELECT " + AuditLog.COLUMNS + " FROM audit_entry WHERE sequence = ?")
                .param(sequence)
                .query(AuditLog.ROWS)
                .single();
        return LeafHash.of(stored.entry()).bytes();
    }

    private static JsonNode entryOfType(JsonNode entries, String type) {
        for (JsonNode entry : entries) {
            if (entry.get("type").asString().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError("no entry of type " + type);
    }

    private void asOwnerWithoutTheTrigger(String update, Object... params) {
        jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only")
                .update();
        try {
            jdbc.sql(update).params(params).update();
        } finally {
            jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only")
                    .update();
        }
    }

    private void send(EventEnvelope<?> event) {
        writer.send(topicOf(event), event);
    }

    private String topicOf(EventEnvelope<?> event) {
        return Topics.inNamespace(
                infrastructure.namespace(), EventTypes.of(event.data()).topic());
    }

    private JsonNode awaitEntries(String orderId, int count) {
        return await().atMost(PATIENCE)
                .until(
                        () -> getJson("/api/v1/audit/entries?subject=" + orderId),
                        page -> page.get("entries").size() >= count);
    }

    private double count(String counter) {
        return meters.find(counter).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private void assertBadRequest(String path, String parameter, String problem) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("type").asString()).isEqualTo("urn:qorgau:problem:invalid-request");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo(parameter);
        if (problem != null) {
            assertThat(body.get("errors").get(0).get("message").asString()).isEqualTo(problem);
        }
        assertThat(response.body()).doesNotContain("not-an-order-id").doesNotContain("many");
    }

    private JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + infrastructure.identity().token(Persona.AUDITOR))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
