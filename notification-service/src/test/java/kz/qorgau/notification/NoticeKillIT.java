package kz.qorgau.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.instances.ChildService;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * notification-service's jar killed (SIGKILL) while it records and sends a stream of events, then started
 * again: every event ends with exactly one notice per recipient and channel, every notice is mailed, and a
 * second copy of a mail can only be one a sender had in flight when the process died.
 */
class NoticeKillIT {

    private static final int EVENTS = 600;
    private static final int IN_FLIGHT = 16;
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration LEASE = Duration.ofSeconds(15);
    /** The broker's least ({@code group.min.session.timeout.ms}). */
    private static final Duration KAFKA_SESSION_TIMEOUT = Duration.ofSeconds(6);

    private TestInfrastructure infrastructure;
    private JdbcClient jdbc;
    private ChildService service;

    @BeforeEach
    void start() {
        infrastructure = TestInfrastructure.create("NoticeKillIT", true);
        infrastructure.createTopics(Topics.ORDERS);
        var database = infrastructure.database();
        jdbc = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password()));
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.kill();
        }
        infrastructure.close();
    }

    @Test
    void aConsumerKilledMidBatchLeavesExactlyOneNoticePerEventRecipientAndChannelAllSent() throws Exception {
        service = startService();
        List<EventEnvelope<OrderIssued>> issued = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            issued.add(TestOrders.issued(i % 3 == 0 ? "AST-ESIL" : "ALM-BOSTANDYK"));
        }
        int expected = EVENTS + EVENTS / 3; // AST-ESIL's duty unit has two addresses
        // Events keep coming while the service is killed, one acknowledged send after another.
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            try (EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka())) {
                issued.forEach(event -> writer.send(infrastructure.topic(Topics.ORDERS_TOPIC), event));
            }
        });

        await().pollInterval(Duration.ofMillis(20)).atMost(PATIENCE).until(() -> notices() >= 50);
        service.kill();
        long atKill = notices();
        assertThat(atKill).as("notices when killed: mid-stream").isLessThan(expected);

        service = startService();
        stream.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        await().atMost(PATIENCE).until(() -> sent() == expected);

        assertThat(notices()).isEqualTo(expected);
        assertThat(jdbc.sql("SELECT count(DISTINCT event_id) FROM notice")
                        .query(Long.class)
                        .single())
                .isEqualTo(EVENTS);
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage mail : infrastructure.inbox().receivedMessages()) {
            copies.merge(messageId(mail), 1, Integer::sum);
        }
        List<String> noticeIds = jdbc.sql("SELECT id FROM notice").query(UUID.class).list().stream()
                .map(id -> "<" + id + "@notification.qorgau>")
                .toList();
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(noticeIds);
        long twice = copies.values().stream().filter(count -> count > 1).count();
        assertThat(twice)
                .as("mails sent twice: only those in flight at the kill")
                .isLessThanOrEqualTo(IN_FLIGHT);
    }

    private ChildService startService() {
        Map<String, Object> settings = new HashMap<>(infrastructure.springProperties());
        settings.put("qorgau.notification.delivery.in-flight", IN_FLIGHT);
        // The killed instance's claims and group membership would otherwise hold its notices and partitions
        // for the production defaults (a 2-minute lease, a 45-second session): minutes of waiting, no more proof.
        settings.put("qorgau.notification.delivery.lease", LEASE.toMillis() + "ms");
        settings.put("spring.kafka.consumer.properties.session.timeout.ms", KAFKA_SESSION_TIMEOUT.toMillis());
        return ChildService.start(
                "notification-service",
                "notification-service",
                settings,
                List.of(),
                List.of(),
                Path.of("target", "notice-kill-it", "notification-service.log"),
                START_TIMEOUT);
    }

    private long notices() {
        return jdbc.sql("SELECT count(*) FROM notice").query(Long.class).single();
    }

    private long sent() {
        return jdbc.sql("SELECT count(*) FROM notice WHERE status = 'SENT'")
                .query(Long.class)
                .single();
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
