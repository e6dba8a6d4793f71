package kz.qorgau.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.events.ContractExamples;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * notification-service handles every event of an order's life on the real broker: none is dead-lettered,
 * parked or ignored, the police are told of each occurrence routing names, the order's state follows, and
 * the order's events behind them are still handled.
 */
@SpringBootTest
@QorgauInfrastructure(smtp = true)
@Import(OrderServiceTopics.class)
class LifecycleEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void everyLifecycleTypeIsHandledAndNothingIsDeadLetteredOrParked() {
        String orderId = UUID.randomUUID().toString();
        EventEnvelope<OrderIssued> issued =
                TestOrders.issued(TestOrders.order(orderId, "ALM-BOSTANDYK", TestOrders.seal(orderId)));
        List<EventEnvelope<QorgauEvent>> lifecycle = ContractExamples.lifecycleAfterIssue(orderId, 2);
        // Another order on the same partition, written last: once it is handled, so is all before it.
        String laterId = TestOrders.orderIdOnPartition(TestOrders.partitionOf(orderId));
        EventEnvelope<OrderIssued> later =
                TestOrders.issued(TestOrders.order(laterId, "ALM-BOSTANDYK", TestOrders.seal(laterId)));
        double ignoredBefore = ignored();

        String topic = infrastructure.topic(Topics.ORDERS_TOPIC);
        try (EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka());
                EventTopicReader deadLetters =
                        EventTopicReader.open(infrastructure.kafka(), infrastructure.topic(Topics.ORDERS_DLT_TOPIC))) {
            writer.send(topic, issued);
            lifecycle.forEach(envelope -> writer.send(topic, envelope));
            writer.send(topic, later);

            await().atMost(WAIT).until(() -> noticesOf(later) > 0);

            assertThat(deadLetters.drain(Duration.ofSeconds(2))).isEmpty();
        }
        assertThat(lifecycle)
                .extracting(envelope -> EventTypes.of(envelope.data()).type())
                .hasSize(15)
                .doesNotHaveDuplicates();
        assertThat(ignored() - ignoredBefore).as("every type is handled").isZero();
        assertThat(noticesOf(issued)).isPositive();
        // The police are told of each occurrence of the order's life (docs/adr/0024); the others change its state.
        assertThat(jdbc.sql("SELECT count(DISTINCT event_type) FROM notice WHERE order_id = :orderId")
                        .param("orderId", UUID.fromString(orderId))
                        .query(Long.class)
                        .single())
                .isEqualTo(8);
        assertThat(jdbc.sql("SELECT status FROM order_state WHERE order_id = :orderId")
                        .param("orderId", UUID.fromString(orderId))
                        .query(String.class)
                        .single())
                .isEqualTo("EXPIRED");
        assertThat(jdbc.sql("SELECT count(*) FROM kit_parked_record WHERE sequence_key = :key")
                        .param("key", orderId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long noticesOf(EventEnvelope<OrderIssued> envelope) {
        return jdbc.sql("SELECT count(*) FROM notice WHERE event_id = :eventId")
                .param("eventId", envelope.id())
                .query(Long.class)
                .single();
    }

    private double ignored() {
        return meters.find("qorgau.events.ignored").tags("topic", Topics.ORDERS_TOPIC).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
