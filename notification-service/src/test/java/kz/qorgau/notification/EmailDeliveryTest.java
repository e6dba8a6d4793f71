package kz.qorgau.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.infrastructure.smtp.SmtpInbox;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The e-mail channel against the real SMTP inbox behind a switchable proxy ({@link SmtpPeer}): the listener
 * only records (a stalled mail server holds up no event and no offset), and a notice survives a stalled, down,
 * 4xx or garbage-answering server: nothing lost, and once the server is back each notice is mailed once.
 */
@SpringBootTest(
        properties = {
            "spring.mail.properties[mail.smtp.connectiontimeout]=1000",
            "spring.mail.properties[mail.smtp.timeout]=1000",
            "spring.mail.properties[mail.smtp.writetimeout]=1000",
            "qorgau.notification.delivery.first-retry-delay=100ms",
            "qorgau.notification.delivery.max-retry-delay=300ms",
            // The breaker would hold notices back for its whole open time after the failures these tests make.
            "qorgau.notification.delivery.channels.EMAIL.window-size=1000",
            // As many kept as there are sender threads: none is closed for want of room, so the count below is the
            // most that were ever in use at once.
            "qorgau.notification.email.connections=16"
        })
// Its own inbox behind the peer: the shared one's address would override the peer's.
@QorgauInfrastructure
@Import(OrderServiceTopics.class)
class EmailDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final SmtpInbox INBOX = SmtpInbox.startOnFreePorts();

    private static final SmtpPeer PEER = start();

    private static EventTopicWriter writer;

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QorgauKafkaProperties kafka;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @DynamicPropertySource
    static void mailServerBehindThePeer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", PEER::port);
    }

    @BeforeAll
    static void open(@Autowired TestInfrastructure infrastructure) {
        PEER.forwardTo(INBOX.smtpPort());
        writer = EventTopicWriter.open(infrastructure.kafka());
    }

    @AfterAll
    static void close() throws IOException {
        writer.close();
        PEER.close();
        INBOX.close();
    }

    @AfterEach
    void peerBack() {
        PEER.forward();
    }

    @Test
    void aStalledMailServerHoldsUpNoEventAndNoOffsetAndEveryNoticeLeavesOnceItAnswers() throws Exception {
        PEER.stall();
        List<EventEnvelope<OrderIssued>> issued = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            issued.add(TestOrders.issued("ALM-BOSTANDYK"));
        }
        issued.forEach(event -> writer.send(ordersTopic(), event));

        // Recorded, one notice each, and the offsets committed past them, while every send hangs.
        await().atMost(WAIT).until(() -> noticesOf(issued) == issued.size());
        await().atMost(WAIT).until(this::offsetsCommittedToTheEnd);
        assertThat(statuses(issued)).containsOnlyKeys("PENDING");
        assertThat(mailsOf(issued)).isEmpty();
        await().atMost(WAIT)
                .until(() -> meters.get("qorgau.notices.pending").gauge().value() >= issued.size());
        await().atMost(WAIT)
                .until(() ->
                        meters.get("qorgau.notices.oldest.pending.age").gauge().value() > 0);

        PEER.forward();

        await().atMost(WAIT).until(() -> statuses(issued).getOrDefault("SENT", 0L) == issued.size());
        assertEachMailedOnce(issued);
        // Kept connections carried the 30 mails: no more than one per sender thread (16). With fewer kept than
        // senders (the default 8), a wave of sends may close the extra ones and the next wave open new ones.
        assertThat(PEER.forwardedConnections()).isBetween(1, 16);
    }

    @Test
    void aMailServerDownForAWhileLosesNothingAndSendsNothingTwice() throws Exception {
        PEER.down();
        List<EventEnvelope<OrderIssued>> issued = List.of(
                TestOrders.issued("ALM-BOSTANDYK"), TestOrders.issued("AST-ESIL"), TestOrders.issued("ALM-MEDEU"));
        issued.forEach(event -> writer.send(ordersTopic(), event));

        await().atMost(WAIT).until(() -> minAttempts(issued) >= 3);
        assertThat(lastErrors(issued)).containsOnly("SMTP_UNAVAILABLE");
        PEER.forward();

        await().atMost(WAIT).until(() -> statuses(issued).getOrDefault("SENT", 0L) == 4);
        assertEachMailedOnce(issued);
    }

    @Test
    void aBusyOrGarbledMailServerIsTriedAgain() throws Exception {
        PEER.answer("421 4.3.2 Service not available, try later");
        EventEnvelope<OrderIssued> busy = TestOrders.issued("ALM-MEDEU");
        writer.send(ordersTopic(), busy);
        await().atMost(WAIT).until(() -> minAttempts(List.of(busy)) >= 2);

        PEER.answer("\u0000\u00ff garbage that is no SMTP reply");
        EventEnvelope<OrderIssued> garbled = TestOrders.issued("ALM-MEDEU");
        writer.send(ordersTopic(), garbled);
        await().atMost(WAIT).until(() -> minAttempts(List.of(garbled)) >= 2);
        assertThat(lastErrors(List.of(busy, garbled))).doesNotContainNull().doesNotContain("SMTP_REJECTED");
        assertThat(statuses(List.of(busy, garbled))).containsOnlyKeys("PENDING");

        PEER.forward();

        await().atMost(WAIT).until(() -> statuses(List.of(busy, garbled)).getOrDefault("SENT", 0L) == 2);
        assertEachMailedOnce(List.of(busy, garbled));
    }

    private void assertEachMailedOnce(List<EventEnvelope<OrderIssued>> issued) throws MessagingException {
        List<UUID> noticeIds = jdbc.sql("SELECT id FROM notice WHERE event_id IN (:ids)")
                .param("ids", issued.stream().map(EventEnvelope::id).toList())
                .query(UUID.class)
                .list();
        List<String> messageIds = new ArrayList<>();
        for (MimeMessage mail : mailsOf(issued)) {
            messageIds.add(mail.getMessageID());
        }
        assertThat(messageIds)
                .containsExactlyInAnyOrderElementsOf(noticeIds.stream()
                        .map(id -> "<" + id + "@notification.qorgau>")
                        .toList());
    }

    private List<MimeMessage> mailsOf(List<EventEnvelope<OrderIssued>> issued) {
        List<String> numbers =
                issued.stream().map(event -> event.data().orderNumber()).toList();
        return INBOX.receivedMessages().stream()
                .filter(mail ->
                        numbers.stream().anyMatch(number -> subject(mail).contains(number + " ")))
                .toList();
    }

    private long noticesOf(List<EventEnvelope<OrderIssued>> issued) {
        return jdbc.sql("SELECT count(*) FROM notice WHERE event_id IN (:ids)")
                .param("ids", issued.stream().map(EventEnvelope::id).toList())
                .query(Long.class)
                .single();
    }

    private Map<String, Long> statuses(List<EventEnvelope<OrderIssued>> issued) {
        return jdbc
                .sql("SELECT status FROM notice WHERE event_id IN (:ids)")
                .param("ids", issued.stream().map(EventEnvelope::id).toList())
                .query(String.class)
                .list()
                .stream()
                .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
    }

    private int minAttempts(List<EventEnvelope<OrderIssued>> issued) {
        return jdbc.sql("SELECT coalesce(min(attempts), 0) FROM notice WHERE event_id IN (:ids)")
                .param("ids", issued.stream().map(EventEnvelope::id).toList())
                .query(Integer.class)
                .single();
    }

    private List<String> lastErrors(List<EventEnvelope<OrderIssued>> issued) {
        return jdbc.sql("SELECT last_error FROM notice WHERE event_id IN (:ids)")
                .param("ids", issued.stream().map(EventEnvelope::id).toList())
                .query(String.class)
                .list();
    }

    private boolean offsetsCommittedToTheEnd() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafka().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                            kafka.group(Topics.NOTIFICATION_SERVICE))
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int partition = 0; partition < Topics.ORDERS.partitions(); partition++) {
                latest.put(new TopicPartition(ordersTopic(), partition), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            return ends.entrySet().stream()
                    .allMatch(end -> end.getValue().offset() == 0
                            || (committed.get(end.getKey()) != null
                                    && committed.get(end.getKey()).offset()
                                            >= end.getValue().offset()));
        }
    }

    private String ordersTopic() {
        return infrastructure.topic(Topics.ORDERS_TOPIC);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SmtpPeer start() {
        try {
            return new SmtpPeer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
