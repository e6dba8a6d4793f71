package kz.qorgau.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.ParkingActionTaken;
import kz.qorgau.events.ViolationReported;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.kit.metrics.MetricNames;
import kz.qorgau.kit.parking.ParkedRecordHandler;
import kz.qorgau.kit.parking.ParkingContract;
import kz.qorgau.kit.parking.ParkingLot;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.instances.ServiceInstances;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sequenced parking on real Kafka and PostgreSQL (docs/adr/0019): an order whose record was
 * dead-lettered has its later records parked, after their duty-unit alerts, while other orders flow;
 * an operator replays or discards the head on the management port; every action is an event; parking
 * survives a restart. A test handler makes chosen events fail as a bug would, until it is "fixed". The
 * kit's parking contract runs here too, against this service's database.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "qorgau.kafka.retry.interval=100ms"})
@QorgauInfrastructure(smtp = true)
@Import({OrderServiceTopics.class, OrderParkingTest.Bugs.class})
class OrderParkingTest extends ParkingContract {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    ParkingLot parkingLot;

    @Autowired
    PlatformTransactionManager transactions;

    @Override
    protected ParkingLot parkingLot() {
        return parkingLot;
    }

    @Override
    protected void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Bugs bugs;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Value("${local.management.port}")
    int managementPort;

    @Test
    void
            aFailedRecordParksItsOrdersLaterRecordsAfterTheirPoliceAlertsWhileOtherOrdersFlowThenReplayReleasesThemInOrder()
                    throws Exception {
        String k = UUID.randomUUID().toString();
        EventEnvelope<OrderIssued> head = issued(k);
        EventEnvelope<OrderIssued> second = issued(k);
        EventEnvelope<ViolationReported> violation =
                TestOrders.violation(k, second.data().orderNumber(), "ALM-BOSTANDYK", 3);
        var futureType = TestOrders.raw(issued(k)).withHeader("ce_type", "kz.qorgau.order.served.v9");
        EventEnvelope<OrderIssued> otherOrder = issued(UUID.randomUUID().toString());
        bugs.failing.add(head.id().toString());

        try (EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka());
                EventTopicReader deadLetters =
                        EventTopicReader.open(infrastructure.kafka(), infrastructure.topic(Topics.ORDERS_DLT_TOPIC))) {
            writer.send(topic(), head);
            writer.send(topic(), second);
            writer.send(topic(), violation);
            writer.sendRaw(topic(), k, futureType.value(), futureType.headers());
            writer.send(topic(), otherOrder);

            await().atMost(WAIT).until(() -> parkedRecords(k) == 4);
            await().atMost(WAIT).until(() -> status(otherOrder).equals("SENT"));
            // The police alert of the parked order's later event went out; the head's did not.
            await().atMost(WAIT).until(() -> status(second).equals("SENT"));
            // A violation behind the parked head is the most urgent path: its police notices go out too.
            await().atMost(WAIT).until(() -> status(violation).equals("SENT"));
            assertThat(status(head)).isEmpty();
            // The class's tests share the dead-letter topic: only this order's records count here.
            await().atMost(WAIT).until(() -> deadLetters.drain(Duration.ofMillis(200)).stream()
                    .anyMatch(record -> k.equals(record.key())));
            assertThat(deadLetters.drain(Duration.ofSeconds(1)).stream().filter(record -> k.equals(record.key())))
                    .as("only the head is dead-lettered")
                    .extracting(record -> header(record, "ce_id"))
                    .containsExactly(head.id().toString());
        }
        assertThat(gauge(MetricNames.PARKING_KEYS)).isGreaterThanOrEqualTo(1);
        assertThat(gauge(MetricNames.PARKING_RECORDS)).isGreaterThanOrEqualTo(4);
        assertThat(meters.get(MetricNames.PARKING_KEYS_PARKED).counter().count())
                .isGreaterThanOrEqualTo(1);
        HttpResponse<String> listed = get("/actuator/parking/" + k);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(head.id().toString(), "IllegalStateException");
        assertThat(listed.body()).doesNotContain(TestOrders.VICTIM.fullName());

        // Still broken: the head fails again and stays; nothing else is handled.
        HttpResponse<String> failedAgain = act(k, "{\"action\":\"replay\"}");
        assertThat(failedAgain.statusCode()).isEqualTo(200);
        assertThat(failedAgain.body()).contains("FAILED_AGAIN");
        assertThat(parkedRecords(k)).isEqualTo(4);

        // Fixed: the head and then the parked records flow, in order, and the order is released.
        bugs.failing.clear();
        HttpResponse<String> released = act(k, "{\"action\":\"replay\"}");
        assertThat(released.body()).contains("RELEASED", "\"replayed\":4");
        assertThat(bugs.handled)
                .containsSubsequence(
                        head.id().toString(),
                        second.id().toString(),
                        violation.id().toString(),
                        futureType.headers().get("ce_id"));
        // Recorded by the replay, sent by the delivery engine a moment later.
        await().atMost(WAIT).until(() -> status(head).equals("SENT"));
        assertThat(parkedRecords(k)).isZero();

        // Each action became an event for the audit trail, published from the outbox.
        await().atMost(WAIT).until(() -> publishedActions(k).size() == 2);
        assertThat(publishedActions(k)).containsExactly("FAILED_AGAIN", "RELEASED");

        // A later record of the released order flows at once.
        EventEnvelope<OrderIssued> later = issued(k);
        try (EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka())) {
            writer.send(topic(), later);
        }
        await().atMost(WAIT).until(() -> status(later).equals("SENT"));
        assertThat(parkedRecords(k)).isZero();
    }

    @Test
    void discardingTheHeadNeedsAReasonAndListsTheNoticesThatWillNeverBeSent() throws Exception {
        String k = UUID.randomUUID().toString();
        EventEnvelope<OrderIssued> head = issued(k);
        EventEnvelope<OrderIssued> next = issued(k);
        bugs.failing.add(head.id().toString());
        bugs.failing.add(next.id().toString());
        try (EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka())) {
            writer.send(topic(), head);
            writer.send(topic(), next);
        }
        await().atMost(WAIT).until(() -> parkedRecords(k) == 2);

        assertThat(act(k, "{\"action\":\"discard\",\"reason\":\"the victim called\"}")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> discarded = act(k, "{\"action\":\"discard\",\"reason\":\"TEST_RECORD\"}");

        assertThat(discarded.statusCode()).isEqualTo(200);
        assertThat(discarded.body())
                .contains(
                        "STILL_PARKED",
                        "duty.almaty-bostandyk@police.example.kz",
                        head.id().toString());
        assertThat(parkedRecords(k)).isEqualTo(1);
        await().atMost(WAIT).until(() -> publishedActions(k).contains("STILL_PARKED"));
        assertThat(act(UUID.randomUUID().toString(), "{\"action\":\"replay\"}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aKeylessRecordIsDeadLetteredAndParksNothing() {
        int keysBefore = parkedKeys();
        EventEnvelope<OrderIssued> keyless = issued(UUID.randomUUID().toString());
        var raw = TestOrders.raw(keyless);
        try (EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka());
                EventTopicReader deadLetters =
                        EventTopicReader.open(infrastructure.kafka(), infrastructure.topic(Topics.ORDERS_DLT_TOPIC))) {
            writer.sendRaw(topic(), null, raw.value(), raw.headers());
            await().atMost(WAIT).until(() -> deadLetters.drain(Duration.ofMillis(200)).stream()
                    .anyMatch(record -> keyless.id().toString().equals(header(record, "ce_id"))));
        }
        assertThat(parkedKeys()).isEqualTo(keysBefore);
    }

    @Test
    void aRestartedServiceKeepsTheOrderParked() {
        String k = UUID.randomUUID().toString();
        EventEnvelope<OrderIssued> head = issued(k);
        bugs.failing.add(head.id().toString());
        try (EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka())) {
            writer.send(topic(), head);
            await().atMost(WAIT).until(() -> parkedRecords(k) == 1);

            // This instance stops consuming; a fresh one (nothing in memory, no test handler) takes over.
            listeners.getListenerContainer("order-events").stop();
            try (ServiceInstances restarted = ServiceInstances.start(
                    NotificationServiceApplication.class, 1, infrastructure.springProperties())) {
                EventEnvelope<OrderIssued> after = issued(k);
                writer.send(topic(), after);
                await().atMost(WAIT).until(() -> parkedRecords(k) == 2);
                // Parked behind the head, after its police alert.
                await().atMost(WAIT).until(() -> status(after).equals("SENT"));
            } finally {
                listeners.getListenerContainer("order-events").start();
            }
        }
    }

    private EventEnvelope<OrderIssued> issued(String orderId) {
        return TestOrders.issued(TestOrders.order(orderId, "ALM-BOSTANDYK", TestOrders.seal(orderId)));
    }

    private String topic() {
        return infrastructure.topic(Topics.ORDERS_TOPIC);
    }

    private int parkedRecords(String key) {
        return jdbc.sql("SELECT count(*) FROM kit_parked_record WHERE sequence_key = :key")
                .param("key", key)
                .query(Integer.class)
                .single();
    }

    private int parkedKeys() {
        return jdbc.sql("SELECT count(*) FROM kit_parked_key")
                .query(Integer.class)
                .single();
    }

    private List<String> publishedActions(String key) {
        return jdbc.sql(
                        """
                SELECT data ->> 'outcome' FROM kit_outbox
                WHERE subject = :key AND event_type = :type AND published_at IS NOT NULL ORDER BY sequence
                """)
                .param("key", key)
                .param("type", ParkingActionTaken.TYPE)
                .query(String.class)
                .list();
    }

    private String status(EventEnvelope<?> issued) {
        return jdbc.sql("SELECT coalesce(max(status), '') FROM notice WHERE event_id = :eventId")
                .param("eventId", issued.id())
                .query(String.class)
                .single();
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> act(String key, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri("/actuator/parking/" + key))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        String token = infrastructure.identity().token(Persona.OPERATOR);
        return HttpClient.newHttpClient()
                .send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Fails the events named in {@link #failing} as a bug would (deterministically), until cleared. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Bugs {

        final Set<String> failing = ConcurrentHashMap.newKeySet();
        final List<String> handled = new CopyOnWriteArrayList<>();

        @Bean
        @Primary
        ParkedRecordHandler buggyOrderEvents(@Qualifier("orderEvents") ParkedRecordHandler orderEvents) {
            return new ParkedRecordHandler() {
                @Override
                public void handle(ConsumerRecord<String, byte[]> record) {
                    String id = header(record, "ce_id");
                    if (failing.contains(id)) {
                        throw new IllegalStateException("a bug");
                    }
                    orderEvents.handle(record);
                    handled.add(id);
                }

                @Override
                public void handleUrgent(ConsumerRecord<String, byte[]> record) {
                    orderEvents.handleUrgent(record);
                }
            };
        }
    }
}
