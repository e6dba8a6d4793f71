package kz.qorgau.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the service's clock in the test's hand: a notice whose mail server is down is tried again only when
 * its back-off has run out, keeps being tried for hours, and is given up at its urgency's deadline (12 h):
 * FAILED, NotificationFailed under the event's trace, counted, and the supervisor's notice recorded.
 */
@SpringBootTest(
        properties = {
            "qorgau.notification.delivery.first-retry-delay=1s",
            "qorgau.notification.delivery.max-retry-delay=5m",
            "qorgau.notification.delivery.channels.EMAIL.window-size=1000"
        })
@QorgauInfrastructure
@Import({OrderServiceTopics.class, DeliveryDeadlineTest.TestClock.class})
class DeliveryDeadlineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CLOSED_PORT = PortAllocator.freePort();
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    /** The event's trace: the notices and the outcome continue it in spans of their own (docs/adr/0033). */
    private static final String SAME_TRACE = "00-0af7651916cd43dd8448eb211c80319c-";

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

    @Autowired
    MovableClock clock;

    @Test
    void aNoticeIsTriedAfterEachBackOffForHoursAndGivenUpAtItsDeadline() {
        EventEnvelope<OrderIssued> issued = TestOrders.issued("ALM-BOSTANDYK").withTrace(TRACEPARENT, null);
        double failedBefore = failedCounter();
        try (EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka());
                EventTopicReader notifications = EventTopicReader.open(
                        infrastructure.kafka(), infrastructure.topic(Topics.NOTIFICATIONS_TOPIC))) {
            writer.send(infrastructure.topic(Topics.ORDERS_TOPIC), issued);

            await().atMost(WAIT).until(() -> attempts(issued) == 1);
            assertThat((String) notice(issued).get("traceparent")).startsWith(SAME_TRACE);
            // The clock stands still: the back-off never runs out, nothing is tried.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> attempts(issued) == 1);

            clock.advance(Duration.ofSeconds(2));
            await().atMost(WAIT).until(() -> attempts(issued) == 2);
            clock.advance(Duration.ofHours(6));
            await().atMost(WAIT).until(() -> attempts(issued) == 3);
            assertThat(notice(issued)).containsEntry("status", "PENDING");

            clock.advance(Duration.ofHours(6).plusMinutes(1));
            await().atMost(WAIT).until(() -> "FAILED".equals(notice(issued).get("status")));

            List<EventEnvelope<QorgauEvent>> events = notifications.awaitEvents(1, WAIT);
            EventEnvelope<QorgauEvent> failed = events.stream()
                    .filter(event -> event.data() instanceof NotificationFailed f
                            && f.causationEventId().equals(issued.id().toString()))
                    .findFirst()
                    .orElseThrow();
            assertThat(failed.traceparent()).startsWith(SAME_TRACE);
            assertThat(((NotificationFailed) failed.data()).attempts()).isEqualTo(4);
            assertThat(((NotificationFailed) failed.data()).reason()).isEqualTo("SMTP_UNAVAILABLE");
        }
        assertThat(failedCounter()).isEqualTo(failedBefore + 1);
        Map<String, Object> supervisor = jdbc.sql(
                        "SELECT * FROM notice WHERE event_id = :id AND recipient_role = 'SUPERVISOR'")
                .param("id", issued.id())
                .query()
                .singleRow();
        assertThat(supervisor)
                .containsEntry("reports_notice", notice(issued).get("id"))
                .containsEntry("recipient", "supervisor.almaty-bostandyk@police.example.kz");
        assertThat((String) supervisor.get("traceparent")).startsWith(SAME_TRACE);
    }

    private Map<String, Object> notice(EventEnvelope<OrderIssued> issued) {
        return jdbc
                .sql("SELECT * FROM notice WHERE event_id = :id AND recipient_role = 'DUTY_UNIT'")
                .param("id", issued.id())
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(Map.of());
    }

    private int attempts(EventEnvelope<OrderIssued> issued) {
        return ((Number) notice(issued).getOrDefault("attempts", 0)).intValue();
    }

    private double failedCounter() {
        Counter counter = meters.find("qorgau.notices.failed")
                .tags("channel", "EMAIL", "recipient.role", "DUTY_UNIT")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
