package kz.qorgau.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.opentelemetry.api.trace.SpanKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.events.ContractExamples;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import kz.qorgau.testsupport.tracing.RecordedSpans;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * audit-service appends every record of its topics (docs/adr/0012): a CloudEvent without data is an
 * entry without a payload, a record it cannot read is appended raw and flagged, and neither holds up
 * the records behind it. Nothing goes to a dead-letter topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure
@Import({CatalogueTopics.class, RecordedSpans.class})
class EveryRecordTest {

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
    void theAppendContinuesTheTraceOfTheRecord(@Autowired RecordedSpans spans) {
        String orderId = UUID.randomUUID().toString();
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String publishSpan = "b7ad6b7169203331";
        writer.send(
                infrastructure.topic(Topics.ORDERS_TOPIC),
                ExampleEvents.orderIssued(orderId).withTrace("00-" + traceId + "-" + publishSpan + "-01", null));

        awaitEntries("/api/v1/audit/entries?subject=" + orderId, 1);

        // The listener's span, in which the entry was appended, is the child of the record's traceparent.
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(spans.inTrace(traceId)).anySatisfy(span -> {
                    assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
                    assertThat(span.getParentSpanId()).isEqualTo(publishSpan);
                }));
    }

    @Test
    void dataLessEventsOfAFutureAndOfAKnownTypeAreEntriesAndTheEventBehindThemIsAppended() {
        String orderId = UUID.randomUUID().toString();
        String orders = infrastructure.topic(Topics.ORDERS_TOPIC);
        // The CloudEvents SDK's own serializer writes a binary-mode event without data as a null value.
        CloudEvent futureWithoutData = dataLess("kz.qorgau.order.revoked.v9", orderId, 2);
        CloudEvent knownWithoutData = dataLess(OrderIssued.TYPE, orderId, 3);
        RecordMetadata future = sendCloudEvent(orders, orderId, futureWithoutData);
        RecordMetadata known = sendCloudEvent(orders, orderId, knownWithoutData);
        // Same key, same partition: this event comes after both.
        EventEnvelope<OrderIssued> next = ExampleEvents.orderIssued(orderId);
        writer.send(orders, next);

        JsonNode entries = awaitEntries("/api/v1/audit/entries?subject=" + orderId, 3);

        assertThat(entries)
                .extracting(entry -> entry.get("eventId").asString())
                .containsExactly(
                        futureWithoutData.getId(),
                        knownWithoutData.getId(),
                        next.id().toString());
        JsonNode first = entries.get(0);
        assertThat(first.get("type").asString()).isEqualTo("kz.qorgau.order.revoked.v9");
        assertThat(first.get("offset").asLong()).isEqualTo(future.offset());
        assertThat(first.get("subjectSequence").asLong()).isEqualTo(2);
        assertThat(first.get("encodingVersion").asInt()).isEqualTo(3);
        assertThat(first.get("unreadable").asBoolean()).isFalse();
        assertThat(first.get("hasPayload").asBoolean()).isFalse();
        assertThat(first.get("payload").asString()).isEmpty();
        assertThat(first.get("payloadSha256").isNull()).isTrue();
        JsonNode second = entries.get(1);
        assertThat(second.get("type").asString()).isEqualTo(OrderIssued.TYPE);
        assertThat(second.get("offset").asLong()).isEqualTo(known.offset());
        assertThat(second.get("hasPayload").asBoolean()).isFalse();
        JsonNode third = entries.get(2);
        assertThat(third.get("encodingVersion").asInt()).isEqualTo(3);
        assertThat(third.get("hasPayload").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(third.get("payload").asString()))
                .isEqualTo(ExampleEvents.dataBytes(next));
        assertVerifiesAndNothingWasDeadLettered();
    }

    @Test
    void recordsThatCannotBeReadAreAppendedRawAndFlaggedAndTheEventBehindThemIsAppended() {
        String orderId = UUID.randomUUID().toString();
        String orders = infrastructure.topic(Topics.ORDERS_TOPIC);
        Map<String, String> headers = cloudEventHeaders(orderId);
        byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
        byte[] plainText = "plain text".getBytes(StandardCharsets.UTF_8);
        byte[] validData = ExampleEvents.dataBytes(ExampleEvents.orderIssued(orderId));
        Map<String, String> wrongKeyHeaders = new LinkedHashMap<>(headers);
        wrongKeyHeaders.put("ce_id", UUID.randomUUID().toString());
        Map<String, String> nulHeaders = new LinkedHashMap<>(headers);
        nulHeaders.put("ce_id", UUID.randomUUID().toString());
        nulHeaders.put("ce_type", "kz.qorgau.order.revoked.v9");
        nulHeaders.put("content-type", "application/json\0");
        Map<String, String> farFuture = new LinkedHashMap<>(headers);
        farFuture.put("ce_id", UUID.randomUUID().toString());
        farFuture.put("ce_type", "kz.qorgau.order.revoked.v9");
        farFuture.put("ce_time", "+10000-01-01T00:00:00Z");

        // Same key (but one), so the same partition: the valid event comes after all of them.
        List<RecordMetadata> sent = new ArrayList<>();
        sent.add(writer.sendRaw(orders, orderId, notJson, headers));
        sent.add(writer.sendRaw(orders, orderId, plainText, Map.of()));
        sent.add(writer.sendRaw(orders, orderId, null, Map.of("ce_specversion", "1.0")));
        sent.add(writer.sendRaw(orders, orderId, validData, nulHeaders));
        sent.add(writer.sendRaw(orders, orderId, validData, farFuture));
        // A key that is not the subject lands wherever its key hashes; only its entry is awaited.
        RecordMetadata wrongKey = writer.sendRaw(orders, UUID.randomUUID().toString(), validData, wrongKeyHeaders);
        EventEnvelope<OrderIssued> next = ExampleEvents.orderIssued(orderId);
        writer.send(orders, next);

        await().atMost(PATIENCE).until(() -> appendedAt(orders, wrongKey.partition(), wrongKey.offset()));
        JsonNode appended = awaitEntries("/api/v1/audit/entries?subject=" + orderId, 1);
        assertThat(appended)
                .extracting(entry -> entry.get("eventId").asString())
                .containsExactly(next.id().toString());

        List<JsonNode> flagged = new ArrayList<>();
        for (JsonNode entry : awaitEntries("/api/v1/audit/unreadable", 6)) {
            if (entry.get("topic").asString().equals(orders)) {
                flagged.add(entry);
            }
        }
        sent.add(wrongKey);
        assertThat(flagged)
                .extracting(entry -> entry.get("offset").asLong())
                .containsExactlyInAnyOrderElementsOf(
                        sent.stream().map(RecordMetadata::offset).toList());
        JsonNode notJsonEntry = flagged.stream()
                .filter(entry -> entry.get("offset").asLong() == sent.get(0).offset())
                .findFirst()
                .orElseThrow();
        assertThat(notJsonEntry.get("unreadable").asBoolean()).isTrue();
        assertThat(notJsonEntry.get("encodingVersion").asInt()).isEqualTo(3);
        assertThat(notJsonEntry.get("unreadableReason").asString())
                .contains("data")
                .contains("not valid JSON");
        assertThat(notJsonEntry.get("eventId").isNull()).isTrue();
        assertThat(notJsonEntry.get("subject").isNull()).isTrue();
        assertThat(Base64.getDecoder().decode(notJsonEntry.get("payload").asString()))
                .isEqualTo(notJson);
        assertThat(new String(Base64.getDecoder().decode(notJsonEntry.get("key").asString()), StandardCharsets.UTF_8))
                .isEqualTo(orderId);
        assertThat(notJsonEntry.get("headers")).hasSize(headers.size());
        for (JsonNode header : notJsonEntry.get("headers")) {
            assertThat(new String(Base64.getDecoder().decode(header.get("value").asString()), StandardCharsets.UTF_8))
                    .isEqualTo(headers.get(header.get("name").asString()));
        }
        JsonNode nullValue = flagged.stream()
                .filter(entry -> entry.get("offset").asLong() == sent.get(2).offset())
                .findFirst()
                .orElseThrow();
        assertThat(nullValue.get("hasPayload").asBoolean()).isFalse();
        assertThat(flagged)
                .allSatisfy(entry -> assertThat(entry.get("unreadableReason").asString())
                        .isNotBlank()
                        .doesNotContain("\0"));
        assertVerifiesAndNothingWasDeadLettered();
    }

    /**
     * A dead letter is the copy of a record a consumer could not handle, with the recoverer's reason headers: it is
     * appended raw and flagged as a dead letter, never as the event it copies, which is in the trail once. (The
     * access topic's dead letters: the other tests hold that nothing goes to the orders' one.)
     */
    @Test
    void deadLettersAreAppendedRawNeverAsTheEventTheyCopy() {
        double before = deadLettersCounted();
        String orderId = UUID.randomUUID().toString();
        EventEnvelope<OrderIssued> event = ExampleEvents.orderIssued(orderId);
        writer.send(infrastructure.topic(Topics.ORDERS_TOPIC), event);
        String deadLetters = infrastructure.topic(Topics.ACCESS_DLT_TOPIC);
        RecordMetadata copy = writer.send(deadLetters, event);

        await().atMost(PATIENCE).until(() -> appendedAt(deadLetters, copy.partition(), copy.offset()));
        JsonNode deadLetter = null;
        for (JsonNode entry : getJson("/api/v1/audit/unreadable").get("entries")) {
            if (entry.get("topic").asString().equals(deadLetters)
                    && entry.get("offset").asLong() == copy.offset()) {
                deadLetter = entry;
            }
        }
        assertThat(deadLetter).as("the dead letter among the raw entries").isNotNull();
        assertThat(deadLetter.get("unreadableReason").asString()).isEqualTo("a dead letter: kept raw, never decoded");
        assertThat(deadLetter.get("eventId").isNull()).isTrue();
        assertThat(deadLetter.get("headers")).isNotEmpty();
        await().atMost(PATIENCE).until(() -> entryCount(orderId) == 1);
        assertThat(deadLettersCounted()).isGreaterThan(before);
        assertVerifiesAndNothingWasDeadLettered();
    }

    private double deadLettersCounted() {
        var counter =
                meters.find("audit.entries.appended").tag("type", "dead-letter").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void everyEventOfAnOrdersLifeIsAppendedAsAReadableEventWithItsPayload() {
        String orderId = UUID.randomUUID().toString();
        String orders = infrastructure.topic(Topics.ORDERS_TOPIC);
        EventEnvelope<OrderIssued> issued = ExampleEvents.orderIssued(orderId);
        List<EventEnvelope<QorgauEvent>> lifecycle = ContractExamples.lifecycleAfterIssue(orderId, 2);
        writer.send(orders, issued);
        lifecycle.forEach(envelope -> writer.send(orders, envelope));

        JsonNode entries = awaitEntries("/api/v1/audit/entries?subject=" + orderId, 1 + lifecycle.size());

        assertThat(lifecycle).hasSize(15);
        assertThat(entries).hasSize(1 + lifecycle.size());
        for (int i = 0; i < lifecycle.size(); i++) {
            EventEnvelope<QorgauEvent> sent = lifecycle.get(i);
            JsonNode entry = entries.get(i + 1);
            assertThat(entry.get("eventId").asString()).isEqualTo(sent.id().toString());
            assertThat(entry.get("type").asString()).isEqualTo(sent.type());
            assertThat(entry.get("unreadable").asBoolean()).as(sent.type()).isFalse();
            assertThat(Base64.getDecoder().decode(entry.get("payload").asString()))
                    .as(sent.type())
                    .isEqualTo(ExampleEvents.dataBytes(sent));
        }
        assertVerifiesAndNothingWasDeadLettered();
    }

    @Test
    void unknownEventTypesShareOneOtherMetricTag() {
        String orders = infrastructure.topic(Topics.ORDERS_TOPIC);
        List<String> types =
                List.of("kz.qorgau.order.revoked.v9", "kz.qorgau.order.renewed.v1", "kz.qorgau.order.x1.v7");
        List<String> orderIds = new ArrayList<>();
        for (String type : types) {
            String orderId = UUID.randomUUID().toString();
            orderIds.add(orderId);
            sendCloudEvent(
                    orders,
                    orderId,
                    CloudEventBuilder.v1(dataLess(type, orderId, 1))
                            .withData("application/json", "{}".getBytes(StandardCharsets.UTF_8))
                            .build());
        }
        EventEnvelope<OrderIssued> known =
                ExampleEvents.orderIssued(UUID.randomUUID().toString());
        writer.send(orders, known);
        await().atMost(PATIENCE)
                .until(() -> orderIds.stream().allMatch(orderId -> entryCount(orderId) == 1)
                        && entryCount(known.subject()) == 1);

        for (Meter meter : meters.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(types).as(meter.getId().toString()).doesNotContain(tag.getValue());
            }
        }
        assertThat(meters.find("audit.entries.appended").tag("type", "other").counters())
                .hasSize(1);
        assertThat(meters.find("audit.entries.appended")
                        .tag("type", OrderIssued.TYPE)
                        .counters())
                .hasSize(1);
    }

    private void assertVerifiesAndNothingWasDeadLettered() {
        JsonNode verification = getJson("/api/v1/audit/verify");
        assertThat(verification.get("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafka().bootstrapServers()))) {
            String deadLetters = infrastructure.topic(Topics.ORDERS_DLT_TOPIC);
            int partitions = admin.describeTopics(List.of(deadLetters))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(deadLetters)
                    .partitions()
                    .size();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                latest.put(new TopicPartition(deadLetters, partition), OffsetSpec.latest());
            }
            assertThat(admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values())
                    .as("records in the dead-letter topic")
                    .allSatisfy(offset -> assertThat(offset.offset()).isZero());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private boolean appendedAt(String topic, int partition, long offset) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE topic = ? AND kafka_partition = ? AND kafka_offset = ?")
                        .params(topic, partition, offset)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private long entryCount(String subject) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }

    private static CloudEvent dataLess(String type, String subject, int sequence) {
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(type)
                .withSource(EventSources.ORDER_SERVICE)
                .withSubject(subject)
                .withTime(OffsetDateTime.parse("2026-03-01T10:15:30Z"))
                .withExtension("subjectseq", sequence)
                .withExtension("partitionkey", subject)
                .build();
    }

    private static Map<String, String> cloudEventHeaders(String orderId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_type", OrderIssued.TYPE);
        headers.put("ce_source", "urn:qorgau:service:order-service");
        headers.put("ce_subject", orderId);
        headers.put("ce_time", "2026-03-01T10:15:30Z");
        headers.put("ce_subjectseq", "1");
        headers.put("content-type", "application/json");
        return headers;
    }

    private RecordMetadata sendCloudEvent(String topic, String key, CloudEvent event) {
        Properties properties = new Properties();
        properties.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, CloudEvent> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new CloudEventSerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, event)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge a CloudEvent", e);
        }
    }

    private JsonNode awaitEntries(String path, int count) {
        return await().atMost(PATIENCE)
                .until(() -> getJson(path), page -> page.get("entries").size() >= count)
                .get("entries");
    }

    private JsonNode getJson(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + infrastructure.identity().token(Persona.AUDITOR))
                .GET()
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
