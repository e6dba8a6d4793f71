package kz.qorgau.order.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.kit.outbox.OutboxContract;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The kit's relay in order-service, against a broker of this class's own, which the tests stop and start:
 * nothing is lost while the broker is away, one order's events never overtake each other, and one order's
 * failing event holds back only that order. Also runs the kit's outbox contract ({@link OutboxContract}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "qorgau.outbox.relay.send-timeout=6s",
            "qorgau.outbox.relay.initial-backoff=200ms",
            "qorgau.outbox.relay.max-backoff=1s",
            // Test-only hook: a key serializer that fails the sends of blocked orders.
            "qorgau.outbox.relay.producer-properties.key.serializer=kz.qorgau.order.outbox.FailingKeySerializer"
        })
@QorgauInfrastructure(dedicatedBroker = true)
class OutboxRelayTest extends OutboxContract {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void ordersIssuedWhileTheBrokerIsDownArePublishedInOrderOnceItIsBack() {
        ApiClient api = new ApiClient(port, infrastructure.identity(), Persona.OFFICER_A);
        OutboxFixture fixture = new OutboxFixture(context);
        List<String> orderIds = new ArrayList<>();

        infrastructure.broker().stop();
        try {
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> created = api.postOrder(OrderRequests.valid());
                assertThat(created.statusCode())
                        .as("POST while the broker is down")
                        .isEqualTo(201);
                String id = ApiClient.json(created).get("id").asString();
                orderIds.add(id);
                // Two more events of the same order, each in its own transaction.
                assertThat(fixture.appendNextEvent(UUID.fromString(id))).isEqualTo(2);
                assertThat(fixture.appendNextEvent(UUID.fromString(id))).isEqualTo(3);
            }
            assertThat(unpublished(orderIds)).as("the outbox holds every event").isEqualTo(15);
            // The relay keeps trying meanwhile; nothing gets marked published without the broker.
            await().atMost(WITHIN).until(() -> attempted(orderIds) > 0);
            assertThat(unpublished(orderIds)).isEqualTo(15);
        } finally {
            infrastructure.broker().start();
        }

        try (EventTopicReader reader = EventTopicReader.open(infrastructure.kafka(), ordersTopic())) {
            PublishedSequences.awaitInOrder(reader, orderIds, 3, WITHIN);
        }
        await().atMost(WITHIN).until(() -> unpublished(orderIds) == 0);
    }

    @Test
    void theRelaysProducerReportsItsClientMetrics() {
        OutboxFixture fixture = new OutboxFixture(context);
        String order = UUID.randomUUID().toString();
        try (EventTopicReader reader = EventTopicReader.open(infrastructure.kafka(), ordersTopic())) {
            fixture.appendEvents(order, 1);
            PublishedSequences.awaitInOrder(reader, List.of(order), 1, WITHIN);
        }
        // Kafka's own producer metrics, tagged with the relay's client id, count what it sent.
        await().atMost(WITHIN).untilAsserted(() -> assertThat(
                        meters.find("kafka.producer.record.send.total").functionCounters())
                .filteredOn(counter ->
                        String.valueOf(counter.getId().getTag("client.id")).endsWith("-outbox-relay"))
                .anySatisfy(counter -> assertThat(counter.count()).isPositive()));
    }

    @Test
    void aFailingEventHoldsBackOnlyItsOwnOrder() {
        OutboxFixture fixture = new OutboxFixture(context);
        String blocked = UUID.randomUUID().toString();
        String flowing = UUID.randomUUID().toString();
        FailingKeySerializer.block(blocked);
        try (EventTopicReader reader = EventTopicReader.open(infrastructure.kafka(), ordersTopic())) {
            fixture.appendEvents(blocked, 3);
            fixture.appendEvents(flowing, 3);

            PublishedSequences.awaitInOrder(reader, List.of(flowing), 3, WITHIN);

            // The blocked order's first event keeps failing; its later events are never even attempted.
            await().atMost(WITHIN).until(() -> attempts(blocked, 1) >= 2);
            assertThat(attempts(blocked, 2)).isZero();
            assertThat(attempts(blocked, 3)).isZero();
            assertThat(lastError(blocked, 1)).contains("SerializationException");
            assertThat(PublishedSequences.of(reader.drain(Duration.ofMillis(500)), blocked))
                    .isEmpty();
            assertThat(meters.get("qorgau.outbox.publish.failures").counters())
                    .anySatisfy(counter -> assertThat(counter.count()).isPositive());

            FailingKeySerializer.unblock(blocked);

            PublishedSequences.awaitInOrder(reader, List.of(blocked), 3, WITHIN);
        } finally {
            FailingKeySerializer.unblock(blocked);
        }
    }

    @Override
    protected EventEnvelope<?> outboxEvent(String subject, int sequence) {
        return new OutboxFixture(context).envelope(subject, sequence);
    }

    @Override
    protected EventTopicReader openOutboxTopicReader() {
        return EventTopicReader.open(infrastructure.kafka(), ordersTopic());
    }

    private String ordersTopic() {
        return infrastructure.topic(Topics.ORDERS_TOPIC);
    }

    private long unpublished(List<String> subjects) {
        return jdbc.sql("SELECT count(*) FROM kit_outbox WHERE published_at IS NULL AND subject IN (:subjects)")
                .param("subjects", subjects)
                .query(Long.class)
                .single();
    }

    private long attempted(List<String> subjects) {
        return jdbc.sql("SELECT count(*) FROM kit_outbox WHERE attempts > 0 AND subject IN (:subjects)")
                .param("subjects", subjects)
                .query(Long.class)
                .single();
    }

    private int attempts(String subject, int sequence) {
        return jdbc.sql("SELECT attempts FROM kit_outbox WHERE subject = :subject AND sequence = :sequence")
                .param("subject", subject)
                .param("sequence", sequence)
                .query(Integer.class)
                .single();
    }

    private String lastError(String subject, int sequence) {
        return jdbc.sql("SELECT last_error FROM kit_outbox WHERE subject = :subject AND sequence = :sequence")
                .param("subject", subject)
                .param("sequence", sequence)
                .query(String.class)
                .single();
    }
}
