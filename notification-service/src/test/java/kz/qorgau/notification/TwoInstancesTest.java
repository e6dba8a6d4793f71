package kz.qorgau.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.instances.ServiceInstances;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances at once on one database and consumer group, as production runs them: each notice is
 * recorded once and mailed once whichever instance records or sends it, and one order's notices to one
 * recipient leave in the order's sequence even when the earlier one is stuck.
 */
class TwoInstancesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static TestInfrastructure infrastructure;
    private static SmtpPeer peer;
    private static ServiceInstances instances;
    private static EventTopicWriter writer;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() throws IOException {
        infrastructure = TestInfrastructure.create(TwoInstancesTest.class.getSimpleName(), true);
        infrastructure.createTopics(Topics.ORDERS);
        peer = new SmtpPeer();
        peer.forwardTo(infrastructure.inbox().smtpPort());
        Map<String, Object> settings = new java.util.LinkedHashMap<>(infrastructure.springProperties());
        settings.put("spring.mail.port", peer.port());
        settings.put("qorgau.notification.delivery.first-retry-delay", "100ms");
        settings.put("qorgau.notification.delivery.max-retry-delay", "300ms");
        settings.put("qorgau.notification.delivery.channels.EMAIL.window-size", "1000");
        instances = ServiceInstances.start(NotificationServiceApplication.class, 2, settings);
        writer = EventTopicWriter.open(infrastructure.kafka());
        jdbc = instances.get(0).context().getBean(JdbcClient.class);
    }

    @AfterAll
    static void stop() throws IOException {
        writer.close();
        instances.close();
        peer.close();
        infrastructure.close();
    }

    @AfterEach
    void peerBack() {
        peer.forward();
    }

    @Test
    void eachNoticeIsRecordedOnceAndMailedOnceWhicheverInstanceTakesIt() throws MessagingException {
        double sentBefore = sent(0) + sent(1);
        List<EventEnvelope<OrderIssued>> issued = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            issued.add(TestOrders.issued(i % 2 == 0 ? "ALM-BOSTANDYK" : "AST-ESIL"));
        }
        issued.forEach(event -> writer.send(topic(), event));
        issued.forEach(event -> writer.send(topic(), event)); // and each delivered twice

        int expected = 20 + 20 * 2; // AST-ESIL's duty unit has two addresses
        await().atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM notice WHERE status = 'SENT' AND event_id IN (:ids)", issued)
                        == expected);
        assertThat(count("SELECT count(*) FROM notice WHERE event_id IN (:ids)", issued))
                .isEqualTo(expected);
        List<String> messageIds = new ArrayList<>();
        for (MimeMessage mail : infrastructure.inbox().receivedMessages()) {
            messageIds.add(mail.getMessageID());
        }
        List<String> noticeIds = jdbc
                .sql("SELECT id FROM notice WHERE event_id IN (:ids)")
                .param("ids", ids(issued))
                .query(UUID.class)
                .list()
                .stream()
                .map(id -> "<" + id + "@notification.qorgau>")
                .toList();
        assertThat(messageIds.stream().filter(noticeIds::contains).toList())
                .containsExactlyInAnyOrderElementsOf(noticeIds);
        assertThat(sent(0) + sent(1) - sentBefore).isEqualTo(expected);
    }

    @Test
    void aLaterNoticeOfTheOrderToTheSameRecipientNeverOvertakesAnEarlierOne() {
        String orderId = UUID.randomUUID().toString();
        EventEnvelope<OrderIssued> first = EventEnvelope.of(
                EventSources.ORDER_SERVICE, 1, TestOrders.order(orderId, "ALM-MEDEU", TestOrders.seal(orderId)));
        EventEnvelope<OrderIssued> second = EventEnvelope.of(
                EventSources.ORDER_SERVICE, 2, TestOrders.order(orderId, "ALM-MEDEU", TestOrders.seal(orderId)));
        peer.down();

        writer.send(topic(), first);
        await().atMost(WAIT).until(() -> attempts(first) >= 1);
        writer.send(topic(), second);
        await().atMost(WAIT).until(() -> attempts(first) >= 4 && notice(second).get("id") != null);
        assertThat(attempts(second))
                .as("never tried while the earlier notice is pending")
                .isZero();

        peer.forward();

        await().atMost(WAIT).until(() -> "SENT".equals(notice(second).get("status")));
        assertThat((java.sql.Timestamp) notice(first).get("sent_at"))
                .isBeforeOrEqualTo((java.sql.Timestamp) notice(second).get("sent_at"));
    }

    private Map<String, Object> notice(EventEnvelope<OrderIssued> event) {
        return jdbc
                .sql("SELECT * FROM notice WHERE event_id = :id")
                .param("id", event.id())
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(Map.of());
    }

    private int attempts(EventEnvelope<OrderIssued> event) {
        return ((Number) notice(event).getOrDefault("attempts", 0)).intValue();
    }

    private static long count(String sql, List<EventEnvelope<OrderIssued>> events) {
        return jdbc.sql(sql).param("ids", ids(events)).query(Long.class).single();
    }

    private static List<UUID> ids(List<EventEnvelope<OrderIssued>> events) {
        return events.stream().map(EventEnvelope::id).toList();
    }

    private static double sent(int instance) {
        Counter counter = instances
                .get(instance)
                .context()
                .getBean(MeterRegistry.class)
                .find("qorgau.notices.sent")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String topic() {
        return infrastructure.topic(Topics.ORDERS_TOPIC);
    }
}
