package kz.qorgau.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.NotificationEscalated;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.RiskLevel;
import kz.qorgau.events.RiskLevelChanged;
import kz.qorgau.events.ServiceOverdue;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an order's risk level drives (docs/adr/0039), on the real broker, database and SMTP inbox, with the service's
 * clock in the test's hand: an order issued at EXTREME risk is an urgent duty-unit notice that names the level and is
 * escalated to the supervisor after 5 minutes unacknowledged (an order issued is otherwise never escalated); a raise
 * to HIGH tells the duty unit, and the order's routine notices are urgent from then on.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "qorgau.notification.acknowledgement.scan-interval=100ms"})
@QorgauInfrastructure(smtp = true)
@Import({OrderServiceTopics.class, DeliveryDeadlineTest.TestClock.class})
class RiskLevelNoticesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DISTRICT = "ALM-BOSTANDYK";
    private static final String DUTY = "duty.almaty-bostandyk@police.example.kz";
    private static final String SUPERVISOR = "supervisor.almaty-bostandyk@police.example.kz";

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliveryDeadlineTest.MovableClock clock;

    @Test
    void anOrderAtExtremeRiskIsAnUrgentDutyUnitNoticeNamingItAndEscalatedSooner() {
        OrderIssued order = atRisk(TestOrders.order(DISTRICT), RiskLevel.EXTREME);
        String orderId = order.orderId();
        send(TestOrders.issued(order));
        // The level recorded at issue follows in the same transaction: named by the order's notice already.
        send(envelope(2, changed(order, null, RiskLevel.EXTREME)));

        await().atMost(WAIT).until(() -> mails(order.orderNumber(), DUTY).size() == 1);
        assertThat(body(mails(order.orderNumber(), DUTY).get(0)))
                .contains("Қауіп деңгейі: аса жоғары")
                .contains("Уровень риска: крайне высокий");
        assertThat(urgencies(orderId, OrderIssued.TYPE)).containsExactly("URGENT");
        await().atMost(WAIT).until(() -> "EXTREME".equals(level(orderId)));
        assertThat(notices(orderId, RiskLevelChanged.TYPE))
                .as("the level set at issue")
                .isZero();

        // Not before the level's 5 minutes...
        clock.advance(Duration.ofMinutes(4).plusSeconds(50));
        await().during(Duration.ofSeconds(1))
                .atMost(WAIT)
                .until(() -> outbox(orderId, NotificationEscalated.TYPE) == 0);
        // ...but then, though an order issued is otherwise never escalated.
        clock.advance(Duration.ofSeconds(11));
        await().atMost(WAIT)
                .until(() -> outbox(orderId, NotificationEscalated.TYPE) >= 1
                        && !mails(orderId, SUPERVISOR).isEmpty());
        assertThat(jdbc.sql(
                                """
                        SELECT DISTINCT recipient_role FROM notice
                         WHERE order_id = :orderId AND event_type = :type AND escalated_at IS NOT NULL
                        """)
                        .param("orderId", UUID.fromString(orderId))
                        .param("type", OrderIssued.TYPE)
                        .query(String.class)
                        .list())
                .contains("DUTY_UNIT");
    }

    @Test
    void aRaiseToHighTellsTheDutyUnitAndMakesTheOrdersRoutineNoticesUrgent() {
        OrderIssued order = atRisk(TestOrders.order(DISTRICT), RiskLevel.MEDIUM);
        String orderId = order.orderId();
        send(TestOrders.issued(order));
        send(envelope(2, changed(order, null, RiskLevel.MEDIUM)));
        send(envelope(3, overdue(order)));
        await().atMost(WAIT).until(() -> notices(orderId, ServiceOverdue.TYPE) > 0);
        assertThat(urgencies(orderId, ServiceOverdue.TYPE)).containsExactly("ROUTINE");

        send(envelope(4, changed(order, RiskLevel.MEDIUM, RiskLevel.HIGH)));

        await().atMost(WAIT).until(() -> mails("Уровень риска повышен", DUTY).stream()
                .anyMatch(mail -> body(mail).contains(order.orderNumber())));
        assertThat(urgencies(orderId, RiskLevelChanged.TYPE)).containsExactly("URGENT");
        MimeMessage raised = mails("Уровень риска повышен", DUTY).stream()
                .filter(mail -> body(mail).contains(order.orderNumber()))
                .findFirst()
                .orElseThrow();
        assertThat(body(raised)).contains("Уровень риска: высокий").contains("Прежний уровень: орташа / средний");

        // The next "not served yet" of the order is urgent now.
        send(envelope(5, overdue(order)));
        await().atMost(WAIT).until(() -> urgencies(orderId, ServiceOverdue.TYPE).size() == 2);
        assertThat(urgencies(orderId, ServiceOverdue.TYPE)).containsExactlyInAnyOrder("ROUTINE", "URGENT");
    }

    private static OrderIssued atRisk(OrderIssued order, RiskLevel level) {
        return new OrderIssued(
                order.orderId(),
                order.orderNumber(),
                order.district(),
                order.policeUnit(),
                order.issuedBy(),
                order.prohibitions(),
                order.issuedAt(),
                order.validUntil(),
                order.legalBasis(),
                order.victimContact(),
                level);
    }

    private static RiskLevelChanged changed(OrderIssued order, RiskLevel previous, RiskLevel level) {
        Instant now = Instant.now();
        return new RiskLevelChanged(
                order.orderId(),
                order.orderNumber(),
                order.district(),
                order.policeUnit(),
                "officer-48213",
                previous,
                level,
                null,
                now,
                now);
    }

    private static ServiceOverdue overdue(OrderIssued order) {
        return new ServiceOverdue(
                order.orderId(),
                order.orderNumber(),
                order.district(),
                order.policeUnit(),
                order.issuedAt(),
                order.issuedAt().plus(Duration.ofDays(1)));
    }

    private static EventEnvelope<QorgauEvent> envelope(long sequence, QorgauEvent data) {
        return EventEnvelope.of(EventSources.ORDER_SERVICE, sequence, data);
    }

    private void send(EventEnvelope<? extends QorgauEvent> envelope) {
        try (EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka())) {
            writer.send(infrastructure.topic(Topics.ORDERS_TOPIC), envelope);
        }
    }

    /** The distinct urgencies of the order's notices of events of {@code type}, one per event. */
    private List<String> urgencies(String orderId, String type) {
        return jdbc.sql(
                        """
                        SELECT min(urgency) FROM notice WHERE order_id = :orderId AND event_type = :type
                         GROUP BY event_id
                        """)
                .param("orderId", UUID.fromString(orderId))
                .param("type", type)
                .query(String.class)
                .list();
    }

    private long notices(String orderId, String type) {
        return jdbc.sql("SELECT count(*) FROM notice WHERE order_id = :orderId AND event_type = :type")
                .param("orderId", UUID.fromString(orderId))
                .param("type", type)
                .query(Long.class)
                .single();
    }

    private String level(String orderId) {
        return jdbc.sql("SELECT risk_level FROM order_risk WHERE order_id = :orderId")
                .param("orderId", UUID.fromString(orderId))
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private long outbox(String orderId, String type) {
        return jdbc.sql("SELECT count(*) FROM kit_outbox WHERE subject = :orderId AND event_type = :type")
                .param("orderId", orderId)
                .param("type", type)
                .query(Long.class)
                .single();
    }

    private List<MimeMessage> mails(String text, String to) {
        return Mails.of(infrastructure, text, to);
    }

    private static String body(MimeMessage mail) {
        return Mails.body(mail);
    }
}
