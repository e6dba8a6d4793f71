package kz.qorgau.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.events.NotificationFailed;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.infrastructure.PortAllocator;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mail server refuses every connection until the notices' deadline: each notice is tried again with
 * back-off, then marked FAILED and reported as NotificationFailed, the district's supervisor is told (here by
 * e-mail too, the only channel configured), and the failures are counted.
 */
@SpringBootTest(
        properties = {
            "qorgau.notification.delivery.urgent-deadline=1500ms",
            "qorgau.notification.delivery.first-retry-delay=100ms",
            "qorgau.notification.delivery.max-retry-delay=200ms",
            // The channel's breaker opens after these failures; a short open time lets the deadline come.
            "qorgau.notification.delivery.channels.EMAIL.open-for=100ms"
        })
@QorgauInfrastructure
@Import(OrderServiceTopics.class)
class SmtpUnavailableTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A port nothing listens on: connections are refused at once. */
    private static final int CLOSED_PORT = PortAllocator.freePort();

    @DynamicPropertySource
    static void mailServerThatIsDown(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> CLOSED_PORT);
    }

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void noticesAreMarkedFailedAndReportedAndTheConsumerGoesOn() {
        EventEnvelope<OrderIssued> first = TestOrders.issued("ALM-BOSTANDYK");
        EventEnvelope<OrderIssued> second = TestOrders.issued("ALM-MEDEU");

        List<EventEnvelope<QorgauEvent>> events;
        try (EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka());
                EventTopicReader notifications = EventTopicReader.open(
                        infrastructure.kafka(), infrastructure.topic(Topics.NOTIFICATIONS_TOPIC))) {
            writer.send(infrastructure.topic(Topics.ORDERS_TOPIC), first);
            writer.send(infrastructure.topic(Topics.ORDERS_TOPIC), second);
            // Two duty-unit notices and the two supervisors' notices that report them.
            events = notifications.awaitEvents(4, WAIT);
        }

        List<NotificationFailed> dutyUnit = events.stream()
                .map(event -> (NotificationFailed) event.data())
                .filter(failed -> failed.recipientRole().equals("DUTY_UNIT"))
                .toList();
        assertThat(dutyUnit).hasSize(2).allSatisfy(failed -> {
            assertThat(failed.reason()).isEqualTo("SMTP_UNAVAILABLE");
            assertThat(failed.attempts()).as("tried again until the deadline").isGreaterThan(2);
            assertThat(failed.channel()).isEqualTo(NotificationChannel.EMAIL);
        });
        assertThat(dutyUnit)
                .extracting(NotificationFailed::causationEventId)
                .containsExactlyInAnyOrder(first.id().toString(), second.id().toString());
        for (EventEnvelope<OrderIssued> issued : List.of(first, second)) {
            Map<String, Object> notice = notice(issued, "DUTY_UNIT");
            assertThat(notice).containsEntry("status", "FAILED").containsEntry("last_error", "SMTP_UNAVAILABLE");
            assertThat(notice.get("failed_at")).isNotNull();
            assertThat(notice.get("order_id")).isEqualTo(UUID.fromString(issued.subject()));
            Map<String, Object> supervisor = notice(issued, "SUPERVISOR");
            assertThat(supervisor.get("reports_notice")).isEqualTo(notice.get("id"));
            assertThat(supervisor.get("channel")).isEqualTo("EMAIL");
        }
        assertThat(notice(first, "SUPERVISOR").get("recipient"))
                .isEqualTo("supervisor.almaty-bostandyk@police.example.kz");
        assertThat(notice(second, "SUPERVISOR").get("recipient")).isEqualTo("supervisor.national@police.example.kz");
        assertThat(meters.find("qorgau.notices.failed")
                        .tags("channel", "EMAIL", "recipient.role", "DUTY_UNIT", "reason", "SMTP_UNAVAILABLE")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    private Map<String, Object> notice(EventEnvelope<OrderIssued> issued, String role) {
        return jdbc.sql("SELECT * FROM notice WHERE event_id = :eventId AND recipient_role = :role")
                .param("eventId", issued.id())
                .param("role", role)
                .query()
                .singleRow();
    }
}
