package kz.qorgau.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * The mail server does not answer: each notice is tried a few times, then marked FAILED and reported
 * as NotificationFailed, and the consumer goes on with the next order instead of holding the
 * partition.
 */
@SpringBootTest(properties = {"qorgau.notification.email.attempts=2", "qorgau.notification.email.retry-delay=50ms"})
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
            events = notifications.awaitEvents(2, WAIT);
        }

        assertThat(events).hasSize(2).allSatisfy(event -> assertThat(event.data())
                .isInstanceOfSatisfying(NotificationFailed.class, failed -> {
                    assertThat(failed.reason()).isEqualTo("SMTP_UNAVAILABLE");
                    assertThat(failed.attempts()).isEqualTo(2);
                    assertThat(failed.channel()).isEqualTo(NotificationChannel.EMAIL);
                    assertThat(failed.recipientRole()).isEqualTo("DUTY_UNIT");
                }));
        assertThat(events)
                .extracting(event -> ((NotificationFailed) event.data()).causationEventId())
                .containsExactlyInAnyOrder(first.id().toString(), second.id().toString());
        for (EventEnvelope<OrderIssued> issued : List.of(first, second)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(notice(issued))
                    .containsEntry("status", "FAILED")
                    .containsEntry("attempts", 2)
                    .containsEntry("last_error", "SMTP_UNAVAILABLE"));
            assertThat(notice(issued).get("failed_at")).isNotNull();
            assertThat(notice(issued).get("order_id")).isEqualTo(UUID.fromString(issued.subject()));
        }
        assertThat(meters.find("qorgau.notices.failed")
                        .tags("channel", "EMAIL", "recipient.role", "DUTY_UNIT", "reason", "SMTP_UNAVAILABLE")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    private Map<String, Object> notice(EventEnvelope<OrderIssued> issued) {
        return jdbc.sql("SELECT * FROM notice WHERE event_id = :eventId")
                .param("eventId", issued.id())
                .query()
                .singleRow();
    }
}
