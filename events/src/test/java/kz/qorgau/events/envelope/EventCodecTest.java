package kz.qorgau.events.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.qorgau.events.AccessRecorded;
import kz.qorgau.events.EventContractException;
import kz.qorgau.events.NotificationSent;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.TestEvents;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.json.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The envelope through the real CloudEvents Kafka serializer and deserializer (cloudevents-kafka
 * 4.0.1 on kafka-clients 4.1), exactly as a producer and consumer call them, without a broker.
 */
class EventCodecTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final EventCodec codec = new EventCodec();
    private final CloudEventSerializer serializer = new CloudEventSerializer();
    private final CloudEventDeserializer deserializer = new CloudEventDeserializer();

    EventCodecTest() {
        serializer.configure(Map.of(), false);
        deserializer.configure(Map.of(), false);
    }

    @AfterEach
    void close() {
        serializer.close();
        deserializer.close();
    }

    static Stream<QorgauEvent> events() {
        return TestEvents.all().stream();
    }

    @ParameterizedTest
    @MethodSource("events")
    void roundTripsEveryEventTypeThroughTheKafkaSerializerAndDeserializer(QorgauEvent event) {
        EventEnvelope<QorgauEvent> sent =
                EventEnvelope.of(EventSources.ORDER_SERVICE, 7, event).withTrace(TRACEPARENT, "qorgau=1");

        ProducerRecord<String, CloudEvent> producerRecord = codec.toProducerRecord(sent);
        Headers headers = new RecordHeaders();
        byte[] value = serializer.serialize(producerRecord.topic(), headers, producerRecord.value());
        EventEnvelope<QorgauEvent> received = codec.fromConsumerRecord(consumed(producerRecord, headers, value));

        assertThat(received).isEqualTo(sent);
        assertThat(producerRecord.topic()).isEqualTo(EventTypes.of(event).topic());
        assertThat(producerRecord.key()).isEqualTo(event.subject());
    }

    static Stream<AccessRecorded> accessRecords() {
        return TestEvents.accessRecords().stream();
    }

    @ParameterizedTest
    @MethodSource("accessRecords")
    void roundTripsEveryAccessKindKeyedByItsOrderOrElseItsAccessId(AccessRecorded access) {
        String expectedKey = access.orderId() != null ? access.orderId() : access.accessId();
        EventEnvelope<AccessRecorded> sent = EventEnvelope.of(EventSources.ORDER_SERVICE, 1, access);

        ProducerRecord<String, CloudEvent> producerRecord = codec.toProducerRecord(sent, "t1a2b3c4");
        Headers headers = new RecordHeaders();
        byte[] value = serializer.serialize(producerRecord.topic(), headers, producerRecord.value());
        Map<String, String> byName = Arrays.stream(headers.toArray())
                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8)));

        assertThat(sent.subject()).isEqualTo(expectedKey);
        assertThat(producerRecord.topic()).isEqualTo("t1a2b3c4.qorgau.access");
        assertThat(producerRecord.key()).isEqualTo(expectedKey);
        assertThat(byName)
                .containsEntry("ce_type", "kz.qorgau.access.recorded.v1")
                .containsEntry("ce_subject", expectedKey)
                .containsEntry("ce_partitionkey", expectedKey)
                .containsEntry("ce_subjectseq", "1")
                .containsEntry("ce_dataschema", "urn:qorgau:events:schema:access.recorded.v1");
        assertThat(codec.fromConsumerRecord(consumed(producerRecord, headers, value)))
                .isEqualTo(sent);
        assertThat(codec.decode(raw(producerRecord.topic(), expectedKey, headers, value)))
                .isEqualTo(sent);
    }

    @Test
    void anAccessToNoOneOrderIsItsOwnSubject() {
        AccessRecorded check = TestEvents.personCheck();
        EventEnvelope<AccessRecorded> envelope = EventEnvelope.of(EventSources.ORDER_SERVICE, 1, check);
        URI source = EventSources.ORDER_SERVICE;
        OffsetDateTime now = OffsetDateTime.now();

        assertThat(envelope.subject()).isEqualTo(check.accessId());
        assertThatThrownBy(() -> new EventEnvelope<>(
                        UUID.randomUUID(), AccessRecorded.TYPE, source, now, TestEvents.ORDER_ID, 1, null, null, check))
                .isInstanceOfSatisfying(
                        EventContractException.class, e -> assertThat(e.field()).isEqualTo("ce_subject"));
        // An access that concerns one order cannot be keyed by its access id: the order's accesses stay in order.
        AccessRecorded read = TestEvents.victimContactsRead();
        assertThatThrownBy(() -> new EventEnvelope<>(
                        UUID.randomUUID(), AccessRecorded.TYPE, source, now, read.accessId(), 1, null, null, read))
                .isInstanceOfSatisfying(
                        EventContractException.class, e -> assertThat(e.field()).isEqualTo("ce_subject"));
    }

    @Test
    void rejectsAnAccessRecordForAnotherSubject() {
        CloudEvent check = CloudEventBuilder.from(
                        codec.toCloudEvent(EventEnvelope.of(EventSources.ORDER_SERVICE, 1, TestEvents.personCheck())))
                .withSubject(UUID.randomUUID().toString())
                .withoutExtension(CloudEventExtensions.PARTITION_KEY)
                .build();
        AccessRecorded read = TestEvents.victimContactsRead();
        CloudEvent readKeyedByAccess = CloudEventBuilder.from(
                        codec.toCloudEvent(EventEnvelope.of(EventSources.ORDER_SERVICE, 1, read)))
                .withSubject(read.accessId())
                .withoutExtension(CloudEventExtensions.PARTITION_KEY)
                .build();

        assertContractViolation(check, "accessId", "must equal ce_subject");
        assertContractViolation(readKeyedByAccess, "orderId", "must equal ce_subject");
    }

    @Test
    void anAccessRecordNeedsItsSequenceAndItsKey() {
        EventEnvelope<AccessRecorded> check = EventEnvelope.of(EventSources.ORDER_SERVICE, 1, TestEvents.personCheck());
        CloudEvent withoutSequence = CloudEventBuilder.from(codec.toCloudEvent(check))
                .withoutExtension(CloudEventExtensions.SEQUENCE)
                .build();
        ProducerRecord<String, CloudEvent> producerRecord = codec.toProducerRecord(check);
        Headers headers = new RecordHeaders();
        byte[] value = serializer.serialize(producerRecord.topic(), headers, producerRecord.value());

        assertContractViolation(withoutSequence, "ce_subjectseq", "is required");
        assertThatThrownBy(() -> codec.decode(raw(producerRecord.topic(), TestEvents.ORDER_ID, headers, value)))
                .isInstanceOfSatisfying(
                        EventContractException.class, e -> assertThat(e.field()).isEqualTo("key"));
        assertThatThrownBy(() -> EventEnvelope.of(EventSources.ORDER_SERVICE, 0, TestEvents.personCheck()))
                .hasMessageContaining("ce_subjectseq");
    }

    @Test
    void namesAnInvalidFieldOfTheAccessor() {
        ObjectNode data = dataOf(TestEvents.breakGlassRead());
        ((ObjectNode) data.get("actor")).putArray("roles").add("SUPERVISOR").add("chief inspector");

        assertContractViolation(builderFor(TestEvents.breakGlassRead(), data).build(), "actor.roles[1]", "must match");
    }

    @Test
    void refusesABreakGlassReadWithoutItsGrantOrWithABlankReason() {
        ObjectNode withoutGrant = dataOf(TestEvents.breakGlassRead());
        withoutGrant.putNull("breakGlass");
        ObjectNode blankReason = dataOf(TestEvents.breakGlassRead());
        ((ObjectNode) blankReason.get("breakGlass")).put("reason", " ");

        assertContractViolation(
                builderFor(TestEvents.breakGlassRead(), withoutGrant).build(), "breakGlass", "is required");
        assertContractViolation(
                builderFor(TestEvents.breakGlassRead(), blankReason).build(), "breakGlass.reason", "must not be blank");
    }

    @Test
    void writesTheCloudEventsBinaryModeHeaders() {
        EventEnvelope<OrderIssued> sent = EventEnvelope.of(EventSources.ORDER_SERVICE, 1, TestEvents.orderIssued())
                .withTrace(TRACEPARENT, null);
        Headers headers = new RecordHeaders();
        serializer.serialize(Topics.ORDERS_TOPIC, headers, codec.toCloudEvent(sent));

        Map<String, String> byName = Arrays.stream(headers.toArray())
                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8)));
        assertThat(byName)
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", sent.id().toString())
                .containsEntry("ce_type", "kz.qorgau.order.issued.v1")
                .containsEntry("ce_source", "urn:qorgau:service:order-service")
                .containsEntry("ce_subject", TestEvents.ORDER_ID)
                .containsEntry("ce_subjectseq", "1")
                .containsEntry("ce_partitionkey", TestEvents.ORDER_ID)
                .containsEntry("ce_traceparent", TRACEPARENT)
                .containsEntry("ce_dataschema", "urn:qorgau:events:schema:order.issued.v1")
                .containsEntry("content-type", "application/json")
                .containsKey("ce_time")
                .doesNotContainKey("ce_tracestate");
        assertThat(OffsetDateTime.parse(byName.get("ce_time"))).isEqualTo(sent.time());
    }

    @Test
    void putsNoJavaClassNamesOnTheWire() {
        for (QorgauEvent event : TestEvents.all()) {
            Headers headers = new RecordHeaders();
            byte[] value = serializer.serialize(
                    "t", headers, codec.toCloudEvent(EventEnvelope.of(EventSources.ORDER_SERVICE, 1, event)));
            String wire = new String(value, StandardCharsets.UTF_8)
                    + Arrays.stream(headers.toArray())
                            .map(h -> h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining(","));
            assertThat(wire)
                    .doesNotContain(event.getClass().getName())
                    .doesNotContain("kz.qorgau.events.")
                    .doesNotContain("java.")
                    .doesNotContain("@class")
                    .doesNotContain("__TypeId__");
        }
    }

    @Test
    void worksThroughTheByteBufferEntryPointThatKafka4ConsumersCall() {
        // KafkaConsumer 4.x calls deserialize(topic, headers, ByteBuffer); the interface default must reach
        // CloudEventDeserializer's byte[] override.
        EventEnvelope<NotificationSent> sent =
                EventEnvelope.of(EventSources.NOTIFICATION_SERVICE, 3, TestEvents.notificationSent());
        Headers headers = new RecordHeaders();
        byte[] value = serializer.serialize(Topics.NOTIFICATIONS_TOPIC, headers, codec.toCloudEvent(sent));

        CloudEvent event = deserializer.deserialize(Topics.NOTIFICATIONS_TOPIC, headers, ByteBuffer.wrap(value));

        assertThat(codec.fromCloudEvent(event)).isEqualTo(sent);
    }

    @Test
    void envelopeSerdeRoundTripsAndDeadLettersContractViolations() {
        EventEnvelope<OrderIssued> sent = EventEnvelope.of(EventSources.ORDER_SERVICE, 2, TestEvents.orderIssued());
        try (EventEnvelopeSerializer envelopeSerializer = new EventEnvelopeSerializer();
                EventEnvelopeDeserializer envelopeDeserializer = new EventEnvelopeDeserializer()) {
            envelopeSerializer.configure(Map.of(), false);
            Headers headers = new RecordHeaders();
            byte[] value = envelopeSerializer.serialize(Topics.ORDERS_TOPIC, headers, sent);

            assertThat(envelopeDeserializer.deserialize(Topics.ORDERS_TOPIC, headers, value))
                    .isEqualTo(sent);
            // A record without CloudEvents headers (e.g. written by a foreign producer).
            assertThatThrownBy(() -> envelopeDeserializer.deserialize(Topics.ORDERS_TOPIC, new RecordHeaders(), value))
                    .isInstanceOf(EventContractException.class)
                    .hasMessageContaining("CloudEvents");
        }
    }

    @Test
    void toleratesUnknownPropertiesAndUnknownExtensions() {
        ObjectNode data = dataOf(TestEvents.notificationSent());
        data.put("priority", "HIGH");
        data.putObject("futureBlock").put("x", 1);
        CloudEvent event = builderFor(TestEvents.notificationSent(), data)
                .withExtension("futureext", "anything")
                .build();

        EventEnvelope<QorgauEvent> received = roundTrip(event);

        assertThat(received.data()).isEqualTo(TestEvents.notificationSent());
    }

    @Test
    void readsTimesWithAnOffset() {
        ObjectNode data = dataOf(TestEvents.notificationSent());
        data.put("sentAt", "2026-03-01T15:15:42.318+05:00"); // Kazakhstan time
        EventEnvelope<QorgauEvent> received =
                roundTrip(builderFor(TestEvents.notificationSent(), data).build());

        assertThat(((NotificationSent) received.data()).sentAt()).isEqualTo(Instant.parse("2026-03-01T10:15:42.318Z"));
    }

    @Test
    void rejectsAnUnknownType() {
        CloudEvent event = CloudEventBuilder.from(
                        codec.toCloudEvent(EventEnvelope.of(EventSources.ORDER_SERVICE, 1, TestEvents.orderIssued())))
                .withType("kz.qorgau.order.teleported.v1")
                .build();

        assertThatThrownBy(() -> roundTrip(event))
                .isInstanceOfSatisfying(EventContractException.class, e -> {
                    assertThat(e.eventType()).isEqualTo("kz.qorgau.order.teleported.v1");
                    assertThat(e.field()).isEqualTo("ce_type");
                })
                .hasMessageContaining("unknown event type");
    }

    @Test
    void rejectsDataThatIsNotJson() {
        CloudEvent event = CloudEventBuilder.from(
                        codec.toCloudEvent(EventEnvelope.of(EventSources.ORDER_SERVICE, 1, TestEvents.orderIssued())))
                .withData("application/json", "{not json".getBytes(StandardCharsets.UTF_8))
                .build();

        assertThatThrownBy(() -> roundTrip(event))
                .isInstanceOfSatisfying(EventContractException.class, e -> {
                    assertThat(e.eventType()).isEqualTo(OrderIssued.TYPE);
                    assertThat(e.field()).isEqualTo("data");
                })
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void namesAMissingRequiredField() {
        ObjectNode data = dataOf(TestEvents.orderIssued());
        data.remove("issuedBy");

        assertContractViolation(builderFor(TestEvents.orderIssued(), data).build(), "issuedBy", "is required");
    }

    @Test
    void namesAMissingPrimitiveField() {
        ObjectNode data = dataOf(TestEvents.notificationSent());
        data.remove("attempts");

        assertContractViolation(builderFor(TestEvents.notificationSent(), data).build(), "attempts", null);
    }

    @Test
    void namesAnUnknownEnumValueWithItsIndex() {
        ObjectNode data = dataOf(TestEvents.orderIssued());
        data.putArray("prohibitions").add("DOMESTIC_VIOLENCE").add("TELEPORTING_VICTIM");

        assertContractViolation(builderFor(TestEvents.orderIssued(), data).build(), "prohibitions[1]", null);
    }

    @Test
    void namesAnInvalidNestedField() {
        ObjectNode data = dataOf(TestEvents.orderIssued());
        ((ObjectNode) data.get("legalBasis")).remove("law");

        assertContractViolation(builderFor(TestEvents.orderIssued(), data).build(), "legalBasis.law", "is required");
    }

    @Test
    void rejectsAnOrderIdThatIsNotAUuid() {
        ObjectNode data = dataOf(TestEvents.notificationSent());
        data.put("causationEventId", "42");

        assertContractViolation(builderFor(TestEvents.notificationSent(), data).build(), "causationEventId", "UUID");
    }

    @Test
    void rejectsAFreeTextFailureReason() {
        ObjectNode data = dataOf(TestEvents.notificationFailed());
        data.put("reason", "550 mailbox victim@example.invalid unavailable");

        assertContractViolation(
                builderFor(TestEvents.notificationFailed(), data).build(), "reason", "must match");
    }

    @Test
    void rejectsDataForAnotherOrderThanTheSubject() {
        CloudEvent event = CloudEventBuilder.from(
                        codec.toCloudEvent(EventEnvelope.of(EventSources.ORDER_SERVICE, 1, TestEvents.orderIssued())))
                .withSubject(UUID.randomUUID().toString())
                .withoutExtension(CloudEventExtensions.PARTITION_KEY)
                .build();

        assertContractViolation(event, "orderId", "must equal ce_subject");
    }

    @Test
    void rejectsAPartitionKeyThatIsNotTheSubject() {
        CloudEvent event = CloudEventBuilder.from(
                        codec.toCloudEvent(EventEnvelope.of(EventSources.ORDER_SERVICE, 1, TestEvents.orderIssued())))
                .withExtension(CloudEventExtensions.PARTITION_KEY, "other")
                .build();

        assertContractViolation(event, "ce_partitionkey", "must equal ce_subject");
    }

    @Test
    void rejectsAMissingSequence() {
        CloudEvent event = CloudEventBuilder.from(
                        codec.toCloudEvent(EventEnvelope.of(EventSources.ORDER_SERVICE, 1, TestEvents.orderIssued())))
                .withoutExtension(CloudEventExtensions.SEQUENCE)
                .build();

        assertContractViolation(event, "ce_subjectseq", "is required");
    }

    @Test
    void rejectsAKeyThatIsNotTheOrderId() {
        ProducerRecord<String, CloudEvent> producerRecord =
                codec.toProducerRecord(EventEnvelope.of(EventSources.ORDER_SERVICE, 1, TestEvents.orderIssued()));
        Headers headers = new RecordHeaders();
        byte[] value = serializer.serialize(producerRecord.topic(), headers, producerRecord.value());
        ProducerRecord<String, CloudEvent> wrongKey =
                new ProducerRecord<>(producerRecord.topic(), "not-the-order", producerRecord.value());

        assertThatThrownBy(() -> codec.fromConsumerRecord(consumed(wrongKey, headers, value)))
                .isInstanceOfSatisfying(
                        EventContractException.class, e -> assertThat(e.field()).isEqualTo("key"));
    }

    @Test
    void decodesARawRecordAndRejectsOneWhoseKeyIsNotTheOrderId() {
        EventEnvelope<OrderIssued> issued = EventEnvelope.of(EventSources.ORDER_SERVICE, 1, TestEvents.orderIssued());
        ProducerRecord<String, CloudEvent> producerRecord = codec.toProducerRecord(issued);
        Headers headers = new RecordHeaders();
        byte[] value = serializer.serialize(producerRecord.topic(), headers, producerRecord.value());

        assertThat(codec.decode(raw(producerRecord.topic(), issued.subject(), headers, value)))
                .isEqualTo(issued);
        assertThatThrownBy(() -> codec.decode(raw(producerRecord.topic(), "not-the-order", headers, value)))
                .isInstanceOfSatisfying(
                        EventContractException.class, e -> assertThat(e.field()).isEqualTo("key"));
    }

    private static ConsumerRecord<String, byte[]> raw(String topic, String key, Headers headers, byte[] value) {
        return new ConsumerRecord<>(
                topic,
                0,
                42L,
                System.currentTimeMillis(),
                TimestampType.CREATE_TIME,
                key.length(),
                value.length,
                key,
                value,
                headers,
                Optional.empty());
    }

    @Test
    void dropsAMalformedTraceparentInsteadOfDeadLetteringTheEvent() {
        CloudEvent event = CloudEventBuilder.from(
                        codec.toCloudEvent(EventEnvelope.of(EventSources.ORDER_SERVICE, 1, TestEvents.orderIssued())))
                .withExtension(CloudEventExtensions.TRACEPARENT, "garbage")
                .withExtension(CloudEventExtensions.TRACESTATE, "a=b")
                .build();

        EventEnvelope<QorgauEvent> received = roundTrip(event);

        assertThat(received.traceparent()).isNull();
        assertThat(received.tracestate()).isNull();
    }

    @Test
    void rejectsAnotherContentType() {
        CloudEvent event = CloudEventBuilder.from(
                        codec.toCloudEvent(EventEnvelope.of(EventSources.ORDER_SERVICE, 1, TestEvents.orderIssued())))
                .withDataContentType("application/xml")
                .build();

        assertContractViolation(event, "content-type", null);
    }

    @Test
    void envelopeRefusesInconsistentAttributes() {
        OrderIssued order = TestEvents.orderIssued();
        URI source = EventSources.ORDER_SERVICE;
        OffsetDateTime now = OffsetDateTime.now();

        assertThatThrownBy(() -> new EventEnvelope<>(
                        UUID.randomUUID(), NotificationSent.TYPE, source, now, order.orderId(), 1, null, null, order))
                .isInstanceOf(EventContractException.class)
                .hasMessageContaining("ce_type");
        assertThatThrownBy(() -> new EventEnvelope<>(
                        UUID.randomUUID(), OrderIssued.TYPE, source, now, "other", 1, null, null, order))
                .hasMessageContaining("ce_subject");
        assertThatThrownBy(() -> new EventEnvelope<>(
                        UUID.randomUUID(), OrderIssued.TYPE, source, now, order.orderId(), 0, null, null, order))
                .hasMessageContaining("ce_subjectseq");
        assertThatThrownBy(() -> new EventEnvelope<>(
                        UUID.randomUUID(),
                        OrderIssued.TYPE,
                        source,
                        now,
                        order.orderId(),
                        1L + Integer.MAX_VALUE,
                        null,
                        null,
                        order))
                .hasMessageContaining("2^31-1");
        assertThatThrownBy(() -> EventEnvelope.of(source, 1, order).withTrace("00-abc", null))
                .hasMessageContaining("ce_traceparent");
    }

    @Test
    void narrowsAnEnvelopeToItsEventType() {
        EventEnvelope<QorgauEvent> envelope = EventEnvelope.of(EventSources.ORDER_SERVICE, 1, TestEvents.orderIssued());

        assertThat(envelope.as(OrderIssued.class).data().orderNumber()).isEqualTo("AST-2026-000123");
        assertThatThrownBy(() -> envelope.as(NotificationSent.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extensionNamesFollowTheCloudEventsNamingRule() {
        for (String name : new String[] {
            CloudEventExtensions.SEQUENCE,
            CloudEventExtensions.TRACEPARENT,
            CloudEventExtensions.TRACESTATE,
            CloudEventExtensions.PARTITION_KEY
        }) {
            assertThat(name).matches("[a-z0-9]{1,20}");
        }
    }

    private void assertContractViolation(CloudEvent event, String field, String problem) {
        assertThatThrownBy(() -> roundTrip(event)).isInstanceOfSatisfying(EventContractException.class, e -> {
            assertThat(e.eventType()).isEqualTo(event.getType());
            assertThat(e.field()).isEqualTo(field);
            Optional.ofNullable(problem).ifPresent(p -> assertThat(e.problem()).contains(p));
        });
    }

    /** Through the real serializer and deserializer, as on a broker. */
    private EventEnvelope<QorgauEvent> roundTrip(CloudEvent event) {
        Headers headers = new RecordHeaders();
        byte[] value = serializer.serialize(Topics.ORDERS_TOPIC, headers, event);
        return codec.fromCloudEvent(deserializer.deserialize(Topics.ORDERS_TOPIC, headers, value));
    }

    private ConsumerRecord<String, CloudEvent> consumed(
            ProducerRecord<String, CloudEvent> producerRecord, Headers headers, byte[] value) {
        CloudEvent event = deserializer.deserialize(producerRecord.topic(), headers, value);
        return new ConsumerRecord<>(
                producerRecord.topic(),
                0,
                42L,
                System.currentTimeMillis(),
                TimestampType.CREATE_TIME,
                producerRecord.key() == null ? -1 : producerRecord.key().length(),
                value.length,
                producerRecord.key(),
                event,
                headers,
                Optional.empty());
    }

    private ObjectNode dataOf(QorgauEvent event) {
        return (ObjectNode) EventJson.mapper().valueToTree(event);
    }

    private CloudEventBuilder builderFor(QorgauEvent event, ObjectNode data) {
        byte[] json = EventJson.mapper().writeValueAsBytes(data);
        return CloudEventBuilder.from(codec.toCloudEvent(EventEnvelope.of(EventSources.ORDER_SERVICE, 1, event)))
                .withData("application/json", json);
    }
}
