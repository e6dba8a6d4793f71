package kz.qorgau.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kz.qorgau.events.EventContractException;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A null value, and a record that makes the decoder throw a {@code NullPointerException}, break the
 * contract like any other poison record: dead-lettered at once with the reason, never retried as if
 * they were a bug, and the next order on the partition is handled. A type a producer invents never
 * becomes a metric tag.
 */
@SpringBootTest
@QorgauInfrastructure(smtp = true)
@Import(OrderServiceTopics.class)
class UndecodableRecordTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void aNullValueOrADecoderThatThrowsIsDeadLetteredAtOnceAndTheNextOrderIsHandled() {
        OrderIssued order = TestOrders.order("ALM-BOSTANDYK");
        String key = order.orderId();
        Map<String, String> headers = TestOrders.raw(TestOrders.issued(order)).headers();
        byte[] value = TestOrders.raw(TestOrders.issued(order)).value();
        String topic = infrastructure.topic(Topics.ORDERS_TOPIC);

        try (KafkaProducer<String, byte[]> producer = producer();
                EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka());
                EventTopicReader deadLetters =
                        EventTopicReader.open(infrastructure.kafka(), infrastructure.topic(Topics.ORDERS_DLT_TOPIC))) {
            // All on one partition, in this order, each of its own order (a record of the same order
            // would park behind the first, docs/adr/0019): the CloudEvents serializer's event without data,
            // of a known and of a future type; then headers the SDK's reader answers with a
            // NullPointerException.
            RecordMetadata first = send(producer, topic, key, headers, Map.of(), null);
            int partition = first.partition();
            List<String> keys = List.of(
                    key,
                    TestOrders.orderIdOnPartition(partition),
                    TestOrders.orderIdOnPartition(partition),
                    TestOrders.orderIdOnPartition(partition));
            send(producer, topic, keys.get(1), headers, Map.of("ce_type", "kz.qorgau.order.revoked.v9"), null);
            send(producer, topic, keys.get(2), headers, nullValued("ce_specversion"), value);
            send(producer, topic, keys.get(3), headers, nullValued("content-type"), value);
            // The next record is another order's, on the same partition.
            String nextId = TestOrders.orderIdOnPartition(partition);
            OrderIssued next = TestOrders.order(nextId, "ALM-BOSTANDYK", TestOrders.seal(nextId));
            EventEnvelope<OrderIssued> nextIssued = TestOrders.issued(next);
            RecordMetadata nextSent = writer.send(topic, nextIssued);
            assertThat(nextSent.partition()).isEqualTo(first.partition());

            await().atMost(WAIT).until(() -> status(nextIssued).equals("SENT"));
            var dead = deadLetters.awaitRawRecords(4, WAIT);
            assertThat(dead).hasSize(4);
            assertThat(dead).allSatisfy(record -> {
                assertThat(header(record, "kafka_dlt-exception-cause-fqcn"))
                        .isEqualTo(EventContractException.class.getName());
            });
            assertThat(dead).extracting(record -> record.key()).containsExactlyElementsOf(keys);
            assertThat(dead)
                    .extracting(record -> header(record, "kafka_dlt-exception-message"))
                    .satisfiesExactly(
                            reason -> assertThat(reason).contains("[field=value]", "is null"),
                            reason -> assertThat(reason).contains("[field=value]", "is null"),
                            reason -> assertThat(reason).contains("[field=record]", "NullPointerException"),
                            reason -> assertThat(reason).contains("[field=record]", "NullPointerException"));
        }
        // Dead-lettered as contract violations, at the first attempt: never retried as a bug.
        assertThat(counter("qorgau.events.dead.lettered", "reason", EventContractException.class.getSimpleName()))
                .isEqualTo(4);
        assertThat(meters.find("qorgau.events.dead.lettered").counters()).hasSize(1);
    }

    @Test
    void typesAProducerInventsNeverBecomeMetricTags() {
        String topic = infrastructure.topic(Topics.ORDERS_TOPIC);
        List<String> invented = List.of("kz.qorgau.order.renewed.v1", "kz.qorgau.order.x1.v7", "kz.qorgau.order.x2.v7");
        double ignoredBefore = counter("qorgau.events.ignored");
        try (EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka())) {
            for (String type : invented) {
                var raw = TestOrders.raw(TestOrders.issued("AST-ESIL")).withHeader("ce_type", type);
                writer.sendRaw(topic, raw.headers().get("ce_subject"), raw.value(), raw.headers());
            }
        }
        await().atMost(WAIT).until(() -> counter("qorgau.events.ignored") >= ignoredBefore + invented.size());

        for (Meter meter : meters.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(invented).as(meter.getId().toString()).doesNotContain(tag.getValue());
            }
        }
        assertThat(meters.find("qorgau.events.ignored").counters()).hasSize(1);
    }

    private static Map<String, String> nullValued(String header) {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put(header, null);
        return changes;
    }

    /** Sends {@code headers} with {@code changes} applied; a change to null sends the header without a value. */
    private static RecordMetadata send(
            KafkaProducer<String, byte[]> producer,
            String topic,
            String key,
            Map<String, String> headers,
            Map<String, String> changes,
            byte[] value) {
        Map<String, String> sent = new LinkedHashMap<>(headers);
        sent.putAll(changes);
        RecordHeaders recordHeaders = new RecordHeaders();
        sent.forEach((name, header) ->
                recordHeaders.add(name, header == null ? null : header.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer.send(new ProducerRecord<>(topic, null, key, value, recordHeaders))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge a record", e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    private String status(EventEnvelope<OrderIssued> issued) {
        return jdbc.sql("SELECT coalesce(max(status), '') FROM notice WHERE event_id = :eventId")
                .param("eventId", issued.id())
                .query(String.class)
                .single();
    }

    private double counter(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
