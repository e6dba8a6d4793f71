package kz.qorgau.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.EventContractException;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.json.EventJson;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records that break the contract go to {@code <ns>.qorgau.orders-dlt} with their original bytes and
 * the reason in the headers, and the consumer goes on with the next record of the same partition.
 */
@SpringBootTest
@QorgauInfrastructure(smtp = true)
@Import(OrderServiceTopics.class)
class PoisonRecordTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void poisonRecordsAreDeadLetteredAndTheNextRecordOfThePartitionIsStillHandled() throws Exception {
        // Every record below is of its own order, all on one partition, in this order: a record of the
        // same order would park behind the first dead-lettered one instead (docs/adr/0019).
        int partition = TestOrders.partitionOf(UUID.randomUUID().toString());
        String validKey = TestOrders.orderIdOnPartition(partition);
        OrderIssued order = TestOrders.order(validKey, "ALM-BOSTANDYK", TestOrders.seal(validKey));
        EventEnvelope<OrderIssued> valid = TestOrders.issued(order);

        String notACloudEventKey = TestOrders.orderIdOnPartition(partition);
        byte[] notACloudEvent = "{\"this is\": \"not a CloudEvent\"}".getBytes(StandardCharsets.UTF_8);
        String missingFieldKey = TestOrders.orderIdOnPartition(partition);
        var missingField = TestOrders.raw(TestOrders.issued(
                TestOrders.order(missingFieldKey, "ALM-BOSTANDYK", TestOrders.seal(missingFieldKey))));
        ObjectNode data = (ObjectNode) EventJson.mapper().readTree(missingField.value());
        data.remove("orderNumber");
        missingField = missingField.withValue(EventJson.mapper().writeValueAsBytes(data));
        // A ciphertext copied from another order: it does not open for this one.
        String copiedSealKey = TestOrders.orderIdOnPartition(partition);
        var copiedSeal = TestOrders.raw(TestOrders.issued(TestOrders.order(
                copiedSealKey,
                "ALM-BOSTANDYK",
                TestOrders.seal(UUID.randomUUID().toString()))));
        // Another order's event under this key: the key is not the subject.
        String otherOrdersKey = TestOrders.orderIdOnPartition(partition);
        var otherOrdersEvent = TestOrders.raw(TestOrders.issued("ALM-BOSTANDYK"));
        String futureTypeKey = TestOrders.orderIdOnPartition(partition);
        var futureType = TestOrders.raw(TestOrders.issued(
                        TestOrders.order(futureTypeKey, "ALM-BOSTANDYK", TestOrders.seal(futureTypeKey))))
                .withHeader("ce_type", "kz.qorgau.order.served.v9");
        List<String> deadKeys = List.of(notACloudEventKey, missingFieldKey, copiedSealKey, otherOrdersKey);

        String topic = infrastructure.topic(Topics.ORDERS_TOPIC);
        try (EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka());
                EventTopicReader deadLetters =
                        EventTopicReader.open(infrastructure.kafka(), infrastructure.topic(Topics.ORDERS_DLT_TOPIC))) {
            RecordMetadata first = writer.sendRaw(topic, notACloudEventKey, notACloudEvent, Map.of());
            writer.sendRaw(topic, missingFieldKey, missingField.value(), missingField.headers());
            writer.sendRaw(topic, copiedSealKey, copiedSeal.value(), copiedSeal.headers());
            writer.sendRaw(topic, otherOrdersKey, otherOrdersEvent.value(), otherOrdersEvent.headers());
            writer.sendRaw(topic, futureTypeKey, futureType.value(), futureType.headers());
            assertThat(writer.send(topic, valid).partition()).isEqualTo(partition);

            await().atMost(WAIT).until(() -> infrastructure.inbox().receivedMessages().stream()
                    .anyMatch(mail -> subject(mail).contains(order.orderNumber())));
            await().atMost(WAIT).until(() -> status(valid).equals("SENT"));

            List<ConsumerRecord<String, byte[]>> dead = deadLetters.awaitRawRecords(4, WAIT);
            assertThat(deadLetters.drain(Duration.ofSeconds(1)))
                    .as("the future type is not dead-lettered")
                    .hasSize(4);
            assertThat(dead).extracting(ConsumerRecord::key).containsExactlyElementsOf(deadKeys);
            assertThat(dead).extracting(ConsumerRecord::partition).containsOnly(first.partition());
            assertThat(first.partition()).isEqualTo(partition);
            assertThat(dead)
                    .extracting(ConsumerRecord::value)
                    .containsExactly(
                            notACloudEvent, missingField.value(), copiedSeal.value(), otherOrdersEvent.value());
            assertThat(dead).allSatisfy(record -> {
                assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(topic);
                assertThat(header(record, "kafka_dlt-original-partition")).isNotNull();
                assertThat(header(record, "kafka_dlt-exception-cause-fqcn"))
                        .isEqualTo(EventContractException.class.getName());
            });
            assertThat(dead)
                    .extracting(record -> header(record, "kafka_dlt-exception-message"))
                    .satisfiesExactly(
                            reason -> assertThat(reason).contains("not a CloudEvents 1.0 binary-mode record"),
                            reason -> assertThat(reason).contains("[field=orderNumber]"),
                            reason -> assertThat(reason).contains("[field=victimContact]", "AUTHENTICATION_FAILED"),
                            reason -> assertThat(reason).contains("[field=key]", "must equal ce_subject"));
            // The original CloudEvents headers travel along, so the record can be replayed as it was.
            assertThat(header(dead.get(1), "ce_id"))
                    .isEqualTo(missingField.headers().get("ce_id"));
        }
        assertThat(counter("qorgau.events.dead.lettered", "topic", Topics.ORDERS_TOPIC))
                .isEqualTo(4);
        assertThat(counter("qorgau.events.ignored", "topic", Topics.ORDERS_TOPIC))
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT event_id FROM notice").query(UUID.class).list())
                .as("the duty unit is alerted even when the victim's contact does not open; no other poison"
                        + " record makes a notice")
                .containsExactlyInAnyOrder(
                        valid.id(), UUID.fromString(copiedSeal.headers().get("ce_id")));
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

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String subject(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
