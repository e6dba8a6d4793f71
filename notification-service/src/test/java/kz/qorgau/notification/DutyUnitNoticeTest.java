package kz.qorgau.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.events.NotificationSent;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.VictimContact;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.events.sealed.SealedFieldCipher;
import kz.qorgau.events.sealed.SealedFieldException;
import kz.qorgau.kit.outbox.OutboxContract;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import kz.qorgau.testsupport.tracing.RecordedSpans;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * OrderIssued in, e-mail to the district's duty unit out, on the real broker, database and SMTP inbox, sent on
 * the delivery engine's wake-up after the listener's commit (the poll is an hour away). Also
 * runs the kit's outbox contract ({@link OutboxContract}) with notification-service's NotificationSent.
 */
// No polling to speak of: every notice here must leave on the wake-up after its event's commit (docs/adr/0022).
@SpringBootTest(properties = "qorgau.notification.delivery.poll-interval=1h")
@QorgauInfrastructure(smtp = true)
@Import({OrderServiceTopics.class, RecordedSpans.class})
class DutyUnitNoticeTest extends OutboxContract {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String BOSTANDYK = "duty.almaty-bostandyk@police.example.kz";

    private static EventTopicWriter writer;
    private static EventTopicReader notifications;

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SealedFieldCipher cipher;

    @BeforeAll
    static void openClients(@Autowired TestInfrastructure infrastructure) {
        writer = EventTopicWriter.open(infrastructure.kafka());
        notifications = EventTopicReader.open(infrastructure.kafka(), infrastructure.topic(Topics.NOTIFICATIONS_TOPIC));
    }

    @AfterAll
    static void closeClients() {
        writer.close();
        notifications.close();
    }

    @Test
    void anIssuedOrderIsMailedToTheDistrictsDutyUnitRecordedAndReportedAsSent() throws MessagingException, IOException {
        EventEnvelope<OrderIssued> issued = TestOrders.issued("ALM-BOSTANDYK");
        OrderIssued order = issued.data();

        writer.send(ordersTopic(), issued);

        MimeMessage mail = awaitMails(order, 1).get(0);
        assertThat(addresses(mail.getRecipients(MimeMessage.RecipientType.TO))).containsExactly(BOSTANDYK);
        String body = (String) mail.getContent();
        assertThat(mail.getSubject()).contains(order.orderNumber());
        // Its one link is the acknowledgement's (docs/adr/0024), at the end; the order is looked up by number.
        int link = body.indexOf("http://127.0.0.1:8082/acknowledgements/");
        assertThat(link).isPositive();
        assertThat(body.substring(0, link))
                .contains(order.orderNumber(), order.district(), order.policeUnit())
                .contains("тұрмыстық зорлық-зомбылық жасауға", "совершать бытовое насилие")
                .doesNotContain("http", "www.");
        assertThat(body.indexOf("Кезекші бөлімге")).isLessThan(body.indexOf("Дежурной части"));
        TestOrders.VICTIM_DATA.forEach(personal -> assertThat(body).doesNotContain(personal));

        // The mail is in the inbox a moment before the worker commits SENT.
        await().atMost(WAIT).until(() -> "SENT"
                .equals(jdbc.sql("SELECT status FROM notice WHERE event_id = :eventId")
                        .param("eventId", issued.id())
                        .query(String.class)
                        .single()));
        Map<String, Object> notice = jdbc.sql("SELECT * FROM notice WHERE event_id = :eventId")
                .param("eventId", issued.id())
                .query()
                .singleRow();
        assertThat(notice)
                .containsEntry("order_id", UUID.fromString(order.orderId()))
                .containsEntry("recipient_role", "DUTY_UNIT")
                .containsEntry("recipient", BOSTANDYK)
                .containsEntry("channel", "EMAIL")
                .containsEntry("status", "SENT")
                .containsEntry("attempts", 1);
        assertThat(notice.get("sent_at")).isNotNull();
        assertThat(mail.getMessageID()).isEqualTo("<" + notice.get("id") + "@notification.qorgau>");

        EventEnvelope<NotificationSent> sent = awaitSent(issued, 1).get(0);
        assertThat(sent.source()).isEqualTo(EventSources.NOTIFICATION_SERVICE);
        assertThat(sent.subject()).isEqualTo(order.orderId());
        assertThat(sent.sequence()).isEqualTo(1);
        assertThat(sent.data().notificationId()).isEqualTo(notice.get("id").toString());
        assertThat(sent.data().recipientRole()).isEqualTo("DUTY_UNIT");
        assertThat(sent.data().channel()).isEqualTo(NotificationChannel.EMAIL);
        assertThat(sent.data().attempts()).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql(
                                "SELECT count(*) FROM kit_outbox WHERE subject = :orderId AND published_at IS NOT NULL")
                        .param("orderId", order.orderId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1));
        assertThat(counter("qorgau.notices.sent", "channel", "EMAIL", "recipient.role", "DUTY_UNIT"))
                .isPositive();
        // Event commit to handed, with the SLO buckets the operators' alerts read.
        var handed = meters.find("qorgau.notices.handed")
                .tags("channel", "EMAIL", "recipient.role", "DUTY_UNIT", "event.type", "kz.qorgau.order.issued.v1")
                .timer();
        assertThat(handed).isNotNull();
        assertThat(handed.count()).isPositive();
        assertThat(handed.takeSnapshot().histogramCounts())
                .extracting(bucket -> bucket.bucket(java.util.concurrent.TimeUnit.MILLISECONDS))
                .contains(50.0, 100.0);
    }

    @Test
    void theNoticeAndItsOutcomeContinueTheTraceOfTheEventThatCausedThem(@Autowired RecordedSpans spans) {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String publishSpan = "00f067aa0ba902b7";
        EventEnvelope<OrderIssued> issued =
                TestOrders.issued("ALM-BOSTANDYK").withTrace("00-" + traceId + "-" + publishSpan + "-01", null);

        writer.send(ordersTopic(), issued);

        EventEnvelope<NotificationSent> sent = awaitSent(issued, 1).get(0);
        // The consumer's span is the child of the record's traceparent; the notice was recorded in it.
        SpanData consumed = await().atMost(WAIT)
                .until(
                        () -> spans.inTrace(traceId).stream()
                                .filter(span -> span.getKind() == SpanKind.CONSUMER
                                        && span.getParentSpanId().equals(publishSpan))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        SpanData delivery = await().atMost(WAIT)
                .until(
                        () -> spans.inTrace(traceId).stream()
                                .filter(span -> span.getName().equals("notice delivery"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(delivery.getParentSpanId()).isEqualTo(consumed.getSpanId());
        // NotificationSent is caused by the attempt: its stored context, and the relay's publish span under it.
        assertThat(RecordedSpans.traceId(sent.traceparent())).isEqualTo(traceId);
        assertThat(RecordedSpans.spanId(sent.traceparent())).isEqualTo(delivery.getSpanId());
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(spans.inTrace(traceId)).anySatisfy(span -> {
                    assertThat(span.getName()).isEqualTo("outbox publish");
                    assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
                    assertThat(span.getParentSpanId()).isEqualTo(delivery.getSpanId());
                }));
        // What would be exported holds none of the victim's data.
        List<String> exported = spans.exportedTexts();
        assertThat(exported).isNotEmpty();
        TestOrders.VICTIM_DATA.forEach(personal -> assertThat(exported).noneMatch(text -> text.contains(personal)));
    }

    @Test
    void theSameEventDeliveredTwiceMakesOneNoticeOneEmailAndOneNotificationSent() {
        EventEnvelope<OrderIssued> issued = TestOrders.issued("ALM-BOSTANDYK");
        double redeliveredBefore = counter("qorgau.events.redelivered", "consumer", "duty-unit-alerts");

        writer.send(ordersTopic(), issued);
        writer.send(ordersTopic(), issued);

        await().atMost(WAIT)
                .until(() ->
                        counter("qorgau.events.redelivered", "consumer", "duty-unit-alerts") == redeliveredBefore + 1);
        assertThat(awaitMails(issued.data(), 1)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE event_id = :eventId")
                        .param("eventId", issued.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        awaitSent(issued, 1);
        assertThat(sentFor(notifications.drain(Duration.ofSeconds(1)), issued)).hasSize(1);
        assertThat(mailsFor(issued.data())).hasSize(1);
    }

    @Test
    void aDutyUnitWithTwoAddressesGetsOneNoticePerAddress() throws MessagingException {
        EventEnvelope<OrderIssued> issued = TestOrders.issued("AST-ESIL");

        writer.send(ordersTopic(), issued);

        List<MimeMessage> mails = awaitMails(issued.data(), 2);
        assertThat(List.of(
                        addresses(mails.get(0).getAllRecipients()).get(0),
                        addresses(mails.get(1).getAllRecipients()).get(0)))
                .containsExactlyInAnyOrder(
                        "duty.astana-esil@police.example.kz", "duty.astana-esil.reserve@police.example.kz");
        List<EventEnvelope<NotificationSent>> sent = awaitSent(issued, 2);
        assertThat(sent).extracting(EventEnvelope::sequence).containsExactly(1L, 2L);
        assertThat(sent).extracting(event -> event.data().notificationId()).doesNotHaveDuplicates();
    }

    @Test
    void anOrderFromAnUnlistedDistrictGoesToTheFallbackDutyUnit() throws MessagingException {
        double fallbacksBefore = counter("qorgau.duty.units.fallback");
        EventEnvelope<OrderIssued> issued = TestOrders.issued("KRG-NURA");

        writer.send(ordersTopic(), issued);

        MimeMessage mail = awaitMails(issued.data(), 1).get(0);
        assertThat(addresses(mail.getAllRecipients())).containsExactly("duty.national@police.example.kz");
        awaitSent(issued, 1);
        assertThat(counter("qorgau.duty.units.fallback")).isEqualTo(fallbacksBefore + 1);
    }

    @Test
    void aRedeliveryAfterACrashBeforeTheNoticeWasMarkedSendsItAgain() throws MessagingException {
        // The state a crash leaves between the SMTP server's "250 OK" and the commit: the event is
        // registered, its notice PENDING with one attempt that may have reached the duty unit.
        EventEnvelope<OrderIssued> issued = TestOrders.issued("ALM-BOSTANDYK");
        UUID noticeId = UUID.randomUUID();
        jdbc.sql("INSERT INTO received_event (consumer, event_id, received_at) VALUES ('duty-unit-alerts', :id, now())")
                .param("id", issued.id())
                .update();
        jdbc.sql(
                        """
                INSERT INTO notice (id, event_id, order_id, recipient_role, recipient, channel, status, attempts, created_at)
                VALUES (:id, :eventId, :orderId, 'DUTY_UNIT', :recipient, 'EMAIL', 'PENDING', 1, now())
                """)
                .param("id", noticeId)
                .param("eventId", issued.id())
                .param("orderId", UUID.fromString(issued.subject()))
                .param("recipient", BOSTANDYK)
                .update();

        writer.send(ordersTopic(), issued);

        // At least once: the duty unit gets the notice (again, under the same Message-ID).
        MimeMessage mail = awaitMails(issued.data(), 1).get(0);
        assertThat(mail.getMessageID()).isEqualTo("<" + noticeId + "@notification.qorgau>");
        EventEnvelope<NotificationSent> sent = awaitSent(issued, 1).get(0);
        assertThat(sent.data().notificationId()).isEqualTo(noticeId.toString());
        assertThat(sent.data().attempts()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT status FROM notice WHERE id = :id")
                        .param("id", noticeId)
                        .query(String.class)
                        .single())
                .isEqualTo("SENT");
    }

    @Test
    void anOutcomeLeftUnpublishedByACrashIsPublishedWithoutAnyRedelivery() {
        // The state a crash leaves between the commit and Kafka's ack: notice SENT, outcome unpublished.
        EventEnvelope<OrderIssued> issued = TestOrders.issued("ALM-BOSTANDYK");
        UUID noticeId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String orderId = issued.subject();
        jdbc.sql(
                        """
                INSERT INTO notice (id, event_id, order_id, recipient_role, recipient, channel, status, attempts, created_at, sent_at)
                VALUES (:id, :eventId, :orderId, 'DUTY_UNIT', :recipient, 'EMAIL', 'SENT', 1, now(), now())
                """)
                .param("id", noticeId)
                .param("eventId", issued.id())
                .param("orderId", UUID.fromString(orderId))
                .param("recipient", BOSTANDYK)
                .update();
        var event = new NotificationSent(
                orderId,
                noticeId.toString(),
                issued.id().toString(),
                "DUTY_UNIT",
                NotificationChannel.EMAIL,
                java.time.Instant.parse("2026-03-01T10:15:42Z"),
                1);
        jdbc.sql(
                        """
                INSERT INTO kit_outbox (event_id, event_type, event_source, event_time, subject, sequence, traceparent,
                    data, created_at)
                VALUES (:id, :type, :source, now(), :orderId, 1, :traceparent, CAST(:payload AS json),
                    now() - interval '1 minute')
                """)
                .param("id", eventId)
                .param("type", NotificationSent.TYPE)
                .param("source", EventSources.NOTIFICATION_SERVICE.toString())
                .param("orderId", orderId)
                .param("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .param(
                        "payload",
                        new String(TestOrders.CODEC.writeData(event), java.nio.charset.StandardCharsets.UTF_8))
                .update();

        EventEnvelope<NotificationSent> published = awaitSent(issued, 1).get(0);

        assertThat(published.id()).isEqualTo(eventId);
        assertThat(published.data()).isEqualTo(event);
        assertThat(mailsFor(issued.data())).as("nothing is sent twice").isEmpty();
    }

    @Test
    void opensTheVictimContactThatOrderServiceSealedWithTheLocalDemoKey() {
        String orderId = UUID.randomUUID().toString();
        var sealed = TestOrders.seal(orderId);

        VictimContact opened = cipher.openJson(
                sealed, SealedFieldCipher.binding(orderId, OrderIssued.VICTIM_CONTACT_FIELD), VictimContact.class);

        assertThat(opened).usingRecursiveComparison().isEqualTo(TestOrders.VICTIM);
        assertThat(sealed.keyId()).isEqualTo("local-demo-1");
        assertThatThrownBy(() -> cipher.open(
                        sealed,
                        SealedFieldCipher.binding(UUID.randomUUID().toString(), OrderIssued.VICTIM_CONTACT_FIELD)))
                .isInstanceOfSatisfying(SealedFieldException.class, e -> assertThat(e.reason())
                        .isEqualTo(SealedFieldException.Reason.AUTHENTICATION_FAILED));
    }

    private String ordersTopic() {
        return infrastructure.topic(Topics.ORDERS_TOPIC);
    }

    private List<MimeMessage> awaitMails(OrderIssued order, int count) {
        await().atMost(WAIT).until(() -> mailsFor(order).size() >= count);
        return mailsFor(order);
    }

    private List<MimeMessage> mailsFor(OrderIssued order) {
        return infrastructure.inbox().receivedMessages().stream()
                .filter(mail -> subject(mail).contains(order.orderNumber()))
                .toList();
    }

    @Override
    protected EventEnvelope<?> outboxEvent(String subject, int sequence) {
        NotificationSent sent = new NotificationSent(
                subject,
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                "DUTY_UNIT",
                NotificationChannel.EMAIL,
                java.time.Instant.parse("2026-03-01T10:15:42Z"),
                1);
        return EventEnvelope.of(EventSources.NOTIFICATION_SERVICE, sequence, sent);
    }

    @Override
    protected EventTopicReader openOutboxTopicReader() {
        return EventTopicReader.open(infrastructure.kafka(), infrastructure.topic(Topics.NOTIFICATIONS_TOPIC));
    }

    private List<EventEnvelope<NotificationSent>> awaitSent(EventEnvelope<OrderIssued> cause, int count) {
        await().atMost(WAIT)
                .until(() -> sentFor(notifications.drain(POLL), cause).size() >= count);
        return sentFor(notifications.drain(POLL), cause);
    }

    private static List<EventEnvelope<NotificationSent>> sentFor(
            List<ConsumerRecord<String, byte[]>> records, EventEnvelope<OrderIssued> cause) {
        return records.stream()
                .map(EventTopicReader::decode)
                .filter(event -> event.data() instanceof NotificationSent sent
                        && sent.causationEventId().equals(cause.id().toString()))
                .map(event -> event.as(NotificationSent.class))
                .sorted(Comparator.comparingLong(EventEnvelope::sequence))
                .toList();
    }

    private double counter(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).toList();
    }
}
