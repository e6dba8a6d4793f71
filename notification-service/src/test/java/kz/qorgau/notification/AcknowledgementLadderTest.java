package kz.qorgau.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qorgau.events.ExpiryApproaching;
import kz.qorgau.events.NotificationAcknowledged;
import kz.qorgau.events.NotificationEscalated;
import kz.qorgau.events.NotificationSuperseded;
import kz.qorgau.events.OrderRevoked;
import kz.qorgau.events.OrderServed;
import kz.qorgau.events.QorgauEvent;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The police's side of an order's life (docs/adr/0024), on the real broker, database and SMTP inbox, with the
 * service's clock in the test's hand: a violation told to every routed kind with a signed link; a GET on the link
 * changes nothing, a POST acknowledges once; unacknowledged, it is sent again and escalated to the supervisor after
 * 10 minutes; acknowledged, it is not sent again. Notices a later state made untrue are superseded, not sent.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "qorgau.notification.acknowledgement.scan-interval=100ms"})
@QorgauInfrastructure(smtp = true)
@Import({OrderServiceTopics.class, DeliveryDeadlineTest.TestClock.class})
class AcknowledgementLadderTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("https?://\\S+(/acknowledgements/\\S+)");
    private static final String DISTRICT = "ALM-BOSTANDYK";
    private static final String UNIT = "ALM-BOSTANDYK-UP-02";
    private static final String DUTY = "duty.almaty-bostandyk@police.example.kz";
    private static final String INSPECTOR = "inspector.almaty-bostandyk@police.example.kz";
    private static final String ISSUING_UNIT = "up02.almaty-bostandyk@police.example.kz";
    private static final String SUPERVISOR = "supervisor.almaty-bostandyk@police.example.kz";

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DeliveryDeadlineTest.MovableClock clock;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aViolationIsSentAgainAndEscalatedUntilAcknowledgedAndNotAfter() throws Exception {
        String orderId = UUID.randomUUID().toString();
        String number = "ALM-2026-V" + orderId.substring(0, 6).toUpperCase();
        send(TestOrders.violation(orderId, number, DISTRICT, 2));

        // Every routed kind, each once, with its own link.
        await().atMost(WAIT)
                .until(() -> mails(number, DUTY).size() == 1
                        && mails(number, INSPECTOR).size() == 1
                        && mails(number, ISSUING_UNIT).size() == 1);
        String link = link(mails(number, DUTY).get(0));

        HttpResponse<String> page =
                http.send(HttpRequest.newBuilder(local(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\">").contains(number);
        assertThat(acknowledged(orderId)).as("a GET acknowledges nothing").isZero();
        HttpResponse<String> forged = post(link.substring(0, link.length() - 3) + "AAA");
        assertThat(forged.statusCode()).isEqualTo(404);

        // Ten minutes unacknowledged: sent again to everyone, and the supervisor is told once.
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        await().atMost(WAIT)
                .until(() -> mails(number, DUTY).size() == 2
                        && mails(number, INSPECTOR).size() == 2
                        && mails(number, ISSUING_UNIT).size() == 2
                        && mails(orderId, SUPERVISOR).size() == 1);
        assertThat(mails(number, DUTY).get(1).getSubject()).startsWith("Қайталау / Повторно (1)");
        await().atMost(WAIT).until(() -> outbox(orderId, NotificationEscalated.TYPE) == 3);

        // The duty unit acknowledges through the first mail's link: once.
        assertThat(post(link).statusCode()).isEqualTo(200);
        assertThat(post(link).statusCode()).as("single use").isEqualTo(410);
        assertThat(acknowledged(orderId)).isEqualTo(1);
        // Timed by the event that caused it: a violation's time to acknowledge stands apart on the dashboard.
        assertThat(meters.find("qorgau.notices.acknowledgement")
                        .tags("recipient.role", "DUTY_UNIT", "event.type", "kz.qorgau.order.violation.reported.v1")
                        .timer())
                .isNotNull();
        assertThat(jdbc.sql("SELECT acknowledged_via FROM notice WHERE order_id = :orderId AND recipient = :duty")
                        .param("orderId", UUID.fromString(orderId))
                        .param("duty", DUTY)
                        .query(String.class)
                        .single())
                .isEqualTo("EMAIL");
        await().atMost(WAIT).until(() -> outbox(orderId, NotificationAcknowledged.TYPE) == 1);

        // Ten more minutes: the others are sent it a third time, the duty unit is not.
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        await().atMost(WAIT)
                .until(() -> mails(number, INSPECTOR).size() == 3
                        && mails(number, ISSUING_UNIT).size() == 3);
        assertThat(mails(number, DUTY)).hasSize(2);
        assertThat(outbox(orderId, NotificationEscalated.TYPE))
                .as("escalated once")
                .isEqualTo(3);

        // The inspector's first link expires 72 hours after the attempt that carried it.
        String inspectors = link(mails(number, INSPECTOR).get(0));
        clock.advance(Duration.ofHours(72));
        assertThat(post(inspectors).statusCode()).isEqualTo(410);
        assertThat(acknowledged(orderId)).isEqualTo(1);
    }

    @Test
    void noticesALaterStateMadeUntrueAreSupersededNotSent() {
        String orderId = UUID.randomUUID().toString();
        String number = "ALM-2026-S" + orderId.substring(0, 6).toUpperCase();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant issued = now.minus(Duration.ofDays(2));
        // Records of a parked order replayed after later ones passed: the order was served (3) before its
        // "not served yet" (2) is handled, and revoked (5) before its expiry reminder (4).
        send(envelope(
                3,
                new OrderServed(
                        orderId,
                        number,
                        DISTRICT,
                        UNIT,
                        "officer-48213",
                        OrderServed.Method.SIGNED,
                        now.minusSeconds(3600),
                        now.minusSeconds(3000),
                        now.plus(Duration.ofDays(30)))));
        send(envelope(2, new ServiceOverdue(orderId, number, DISTRICT, UNIT, issued, issued.plus(Duration.ofDays(1)))));
        await().atMost(WAIT).until(() -> outbox(orderId, NotificationSuperseded.TYPE) == 3);
        send(envelope(5, new OrderRevoked(orderId, number, DISTRICT, UNIT, "supervisor-10377", "COURT_DECISION", now)));
        send(envelope(4, new ExpiryApproaching(orderId, number, DISTRICT, UNIT, now.plus(Duration.ofDays(30)), now)));

        await().atMost(WAIT).until(() -> outbox(orderId, NotificationSuperseded.TYPE) == 5);
        assertThat(jdbc.sql(
                                """
                        SELECT DISTINCT event_type || ' ' || status || ' ' || last_error FROM notice
                         WHERE order_id = :orderId
                        """)
                        .param("orderId", UUID.fromString(orderId))
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(
                        ServiceOverdue.TYPE + " SUPERSEDED ORDER_SERVED",
                        ExpiryApproaching.TYPE + " SUPERSEDED ORDER_REVOKED");
        assertThat(infrastructure.inbox().receivedMessages())
                .noneMatch(mail -> subject(mail).contains(number));
    }

    private static EventEnvelope<QorgauEvent> envelope(long sequence, QorgauEvent data) {
        return EventEnvelope.of(EventSources.ORDER_SERVICE, sequence, data);
    }

    private void send(EventEnvelope<? extends QorgauEvent> envelope) {
        try (EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka())) {
            writer.send(infrastructure.topic(Topics.ORDERS_TOPIC), envelope);
        }
    }

    private HttpResponse<String> post(String link) throws IOException, InterruptedException {
        return http.send(
                // As the page's form posts it: a browser's empty form.
                HttpRequest.newBuilder(local(link))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The link's path on this test's server (the configured base URL names the default port). */
    private URI local(String link) {
        Matcher matcher = LINK.matcher(link);
        assertThat(matcher.matches()).as(link).isTrue();
        return URI.create("http://127.0.0.1:" + port + matcher.group(1));
    }

    private static String link(MimeMessage mail) throws IOException, MessagingException {
        Matcher matcher = LINK.matcher(String.valueOf(mail.getContent()));
        assertThat(matcher.find())
                .as("the mail carries an acknowledgement link")
                .isTrue();
        return matcher.group();
    }

    private List<MimeMessage> mails(String text, String to) {
        return Mails.of(infrastructure, text, to);
    }

    private static String subject(MimeMessage mail) {
        return Mails.subject(mail);
    }

    private static String body(MimeMessage mail) {
        return Mails.body(mail);
    }

    private long acknowledged(String orderId) {
        return jdbc.sql("SELECT count(*) FROM notice WHERE order_id = :orderId AND acknowledged_at IS NOT NULL")
                .param("orderId", UUID.fromString(orderId))
                .query(Long.class)
                .single();
    }

    private long outbox(String orderId, String type) {
        return jdbc.sql("SELECT count(*) FROM kit_outbox WHERE subject = :orderId AND event_type = :type")
                .param("orderId", orderId)
                .param("type", type)
                .query(Long.class)
                .single();
    }
}
