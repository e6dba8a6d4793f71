package kz.qorgau.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.qorgau.events.ArrestEnded;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.events.NotificationEscalated;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.OrderServed;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.ServiceOverdue;
import kz.qorgau.events.VictimContact;
import kz.qorgau.events.VictimContact.ContactPoint;
import kz.qorgau.events.VictimReplied;
import kz.qorgau.events.VictimRequestedHelp;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.notification.victims.VictimNoticeProperties;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a victim's verified contacts are told, and what their answers do (docs/adr/0036), on the real broker,
 * database, SMTP inbox and an SMS gateway (WireMock), with the service's clock in the test's hand: "served" in
 * Kazakh to a verified contact and nothing but its code to an unverified one; quiet hours hold a routine notice,
 * never an urgent one, and a notice a later event made untrue is superseded; the inbound webhook refuses forgeries
 * and replays; STOP opts out, SAFE is recorded and changes nothing, HELP (by SMS or by the notice's link) reaches
 * the duty unit as an urgent notice, escalated when nobody acknowledges it, at most once per order per window (a HELP
 * within it recorded and answered "already sent"), its link limited (429); e-mails say not to reply to them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "qorgau.notification.sms.body={\"msisdn\": \"{{to}}\", \"message\": \"{{text}}\", \"ref\": \"{{id}}\"}",
            "qorgau.notification.acknowledgement.scan-interval=100ms",
            "qorgau.notification.replies.secret=" + VictimRepliesTest.SECRET,
            "qorgau.notification.replies.limits.presses-per-link=" + VictimRepliesTest.PRESSES_PER_LINK
        })
@QorgauInfrastructure(smtp = true)
@Import({OrderServiceTopics.class, DeliveryDeadlineTest.TestClock.class})
class VictimRepliesTest {

    static final String SECRET = "test-only-inbound-sms-secret";
    static final int PRESSES_PER_LINK = 5;

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DISTRICT = "ALM-BOSTANDYK";
    private static final String DUTY = "duty.almaty-bostandyk@police.example.kz";
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final SmsGateway GATEWAY = new SmsGateway();
    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 100_000));
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern VERIFY = Pattern.compile("/v/([A-Za-z0-9._-]+)");
    private static final Pattern REPLY = Pattern.compile("/r/([A-Za-z0-9._-]+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static EventTopicWriter writer;

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliveryDeadlineTest.MovableClock clock;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("qorgau.notification.sms.url", GATEWAY::url);
    }

    @BeforeAll
    static void start(@Autowired TestInfrastructure infrastructure) {
        GATEWAY.start();
        writer = EventTopicWriter.open(infrastructure.kafka());
    }

    @AfterAll
    static void stop() {
        writer.close();
        GATEWAY.stop();
    }

    @Test
    void aVerifiedContactIsToldTheOrderIsServedInKazakhAndAnUnverifiedOneGetsNothingButItsCode() throws Exception {
        String verified = newPhone();
        String unverified = newPhone();
        EventEnvelope<OrderIssued> issued = issue(
                new ContactPoint(NotificationChannel.SMS, verified, "kk", null, true),
                new ContactPoint(NotificationChannel.SMS, unverified, "ru", null, true));
        verify(verified);
        GATEWAY.awaitMessages(unverified, 1);

        send(2, served(issued));

        String text = SmsGateway.message(GATEWAY.awaitMessages(verified, 2).get(1));
        assertThat(text)
                .startsWith("Қорғау нұсқамасы № " + issued.data().orderNumber())
                .contains("тапсырылды", "күшіне енді", "102", "ҚАУІПСІЗ", "КӨМЕК", "/r/");
        await().atMost(WAIT).until(() -> "SENT".equals(victimNoticeStatus(issued, OrderServed.TYPE, verified)));
        assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE order_id = :o AND event_type = :t")
                        .param("o", UUID.fromString(issued.subject()))
                        .param("t", OrderServed.TYPE)
                        .query(Long.class)
                        .single())
                .as("the unverified contact is not even recorded as told")
                .isEqualTo(1);
        assertThat(GATEWAY.messagesTo(unverified)).as("only its code").hasSize(1);
        // The notice row keeps no address and no signed link: both are filled in just before the attempt.
        assertThat(jdbc.sql("SELECT body FROM notice WHERE order_id = :o AND event_type = :t")
                        .param("o", UUID.fromString(issued.subject()))
                        .param("t", OrderServed.TYPE)
                        .query(String.class)
                        .single())
                .contains("{reply-link}")
                .doesNotContain(verified);
    }

    @Test
    void quietHoursHoldARoutineNoticeButNotAnUrgentOneAndALaterEventSupersedesAStaleOne() throws Exception {
        String phone = newPhone();
        LocalTime local = clock.instant().atZone(ALMATY).toLocalTime();
        VictimContact.QuietHours quiet = new VictimContact.QuietHours(
                local.minusHours(1).withNano(0), local.plusHours(1).withNano(0));
        EventEnvelope<OrderIssued> issued = issue(new ContactPoint(NotificationChannel.SMS, phone, "ru", quiet, true));
        verify(phone);
        String number = issued.data().orderNumber();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        send(2, new ServiceOverdue(issued.subject(), number, DISTRICT, unit(), now.minusSeconds(90_000), now));
        send(3, served(issued));
        send(
                4,
                new ArrestEnded(
                        issued.subject(),
                        number,
                        DISTRICT,
                        unit(),
                        UUID.randomUUID().toString(),
                        "supervisor-10377",
                        now,
                        now));

        // The release is urgent: at once, in the quiet hours.
        String released = SmsGateway.message(GATEWAY.awaitMessages(phone, 2).get(1));
        assertThat(released).contains("освобождён", number);
        assertThat(victimNoticeStatus(issued, OrderServed.TYPE, phone)).isEqualTo("PENDING");
        assertThat(victimNoticeStatus(issued, ServiceOverdue.TYPE, phone)).isEqualTo("PENDING");

        // The quiet hours end: "served" goes; "not served yet" is no longer true and never goes.
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        await().atMost(WAIT).until(() -> "SENT".equals(victimNoticeStatus(issued, OrderServed.TYPE, phone)));
        await().atMost(WAIT).until(() -> "SUPERSEDED".equals(victimNoticeStatus(issued, ServiceOverdue.TYPE, phone)));
        assertThat(GATEWAY.messagesTo(phone)).hasSize(3);
        assertThat(SmsGateway.message(GATEWAY.messagesTo(phone).get(2))).contains("вручено", "вступило в силу");
    }

    @Test
    void forgedStaleAndReplayedWebhooksAreRefused() throws Exception {
        // The gateway's id may be long: it is remembered as a fingerprint.
        String body = "{\"id\": \"gw-" + "x".repeat(500) + UUID.randomUUID() + "\", \"from\": \"" + newPhone()
                + "\", \"text\": \"SAFE\"}";
        String now = String.valueOf(clock.instant().getEpochSecond());

        HttpResponse<String> forged = inbound(now, sign("another-secret", now, body), body);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        String old = String.valueOf(clock.instant().minus(Duration.ofMinutes(6)).getEpochSecond());
        assertThat(inbound(old, sign(SECRET, old, body), body).statusCode())
                .as("outside the window")
                .isEqualTo(401);
        assertThat(inbound(now, sign(SECRET, now, body), body.replace("SAFE", "HELP"))
                        .statusCode())
                .as("a body changed after signing")
                .isEqualTo(401);
        assertThat(inbound(now, null, body).statusCode()).as("unsigned").isEqualTo(400);

        assertThat(inbound(now, sign(SECRET, now, body), body).statusCode()).isEqualTo(202);
        HttpResponse<String> replayed = inbound(now, sign(SECRET, now, body), body);
        assertThat(replayed.statusCode()).isEqualTo(409);
        assertThat(replayed.body()).contains("urn:qorgau:problem:inbound-replayed");
        String later = String.valueOf(clock.instant().getEpochSecond() + 1);
        assertThat(inbound(later, sign(SECRET, later, body), body).statusCode())
                .as("the same message id signed again")
                .isEqualTo(409);
    }

    @Test
    void stopBySmsOptsOutAndSafeIsRecordedAndChangesNothing() throws Exception {
        String stopping = newPhone();
        EventEnvelope<OrderIssued> first = issue(new ContactPoint(NotificationChannel.SMS, stopping, "ru", null, true));
        verify(stopping);
        String safe = newPhone();
        EventEnvelope<OrderIssued> second = issue(new ContactPoint(NotificationChannel.SMS, safe, "kk", null, true));
        verify(safe);

        assertThat(reply("8 " + stopping.substring(2, 5) + " " + stopping.substring(5), "  стоп ")
                        .statusCode())
                .isEqualTo(202);
        assertThat(contactState(first)).isEqualTo("OPTED_OUT");
        assertThat(outboxData(first, "kz.qorgau.notification.contact.opted.out.v1"))
                .singleElement()
                .satisfies(data -> assertThat(data).contains("SMS_REPLY"));

        long noticesBefore = notices(second);
        assertThat(reply(safe, "Қауіпсіз!").statusCode()).isEqualTo(202);
        assertThat(outboxData(second, VictimReplied.TYPE)).singleElement().satisfies(data -> assertThat(data)
                .contains("\"answer\":\"SAFE\"")
                .doesNotContain(safe));
        assertThat(contactState(second)).isEqualTo("VERIFIED");
        assertThat(notices(second))
                .as("SAFE records, tells nobody, cancels nothing")
                .isEqualTo(noticesBefore);
        assertThat(GATEWAY.messagesTo(safe)).hasSize(1);
    }

    @Test
    void helpBySmsAndByLinkReachesTheDutyUnitUrgentlyAndEscalatesUnacknowledged() throws Exception {
        String phone = newPhone();
        EventEnvelope<OrderIssued> issued = issue(new ContactPoint(NotificationChannel.SMS, phone, "kk", null, true));
        verify(phone);
        String number = issued.data().orderNumber();

        assertThat(reply(phone, "КӨМЕК").statusCode()).isEqualTo(202);

        // The victim is answered at once, in Kazakh; the duty unit is told, urgently, without the contact.
        String answer = SmsGateway.message(GATEWAY.awaitMessages(phone, 2).get(1));
        assertThat(answer).contains("102", "дереу");
        await().atMost(WAIT).until(() -> helpMails(number, DUTY).size() == 1);
        MimeMessage alert = helpMails(number, DUTY).get(0);
        assertThat(String.valueOf(alert.getContent()))
                .contains(number, unit(), "КӨМЕК")
                .doesNotContain(phone)
                .doesNotContain(phone.substring(2));
        assertThat(outboxData(issued, VictimRequestedHelp.TYPE)).singleElement().satisfies(data -> assertThat(data)
                .contains("\"via\":\"SMS_REPLY\"", number)
                .doesNotContain(phone)
                .doesNotContain(phone.substring(2)));
        assertThat(jdbc.sql("SELECT DISTINCT urgency FROM notice WHERE order_id = :o AND event_type = :t")
                        .param("o", UUID.fromString(issued.subject()))
                        .param("t", VictimRequestedHelp.TYPE)
                        .query(String.class)
                        .list())
                .containsExactly("URGENT");

        // Nobody acknowledges it: ten minutes later it is sent again and the supervisor is told.
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        await().atMost(WAIT).until(() -> helpMails(number, DUTY).size() == 2);
        await().atMost(WAIT)
                .until(() -> outboxData(issued, NotificationEscalated.TYPE).size() == 1);
        assertThat(outboxData(issued, NotificationEscalated.TYPE).get(0)).contains("DUTY_UNIT", "SUPERVISOR");
        assertThat(GATEWAY.messagesTo(phone))
                .as("the victim is never re-sent to nor escalated")
                .hasSize(2);

        // By the link of a notice: a GET shows the buttons and does nothing, a POST asks for help.
        send(2, served(issued));
        String served = SmsGateway.message(GATEWAY.awaitMessages(phone, 3).get(2));
        Matcher link = REPLY.matcher(served);
        assertThat(link.find()).as(served).isTrue();
        HttpResponse<String> page = http("GET", "/r/" + link.group(1));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/help", "/safe").doesNotContainIgnoringCase("qorgau");
        assertThat(outboxData(issued, VictimRequestedHelp.TYPE)).hasSize(1);
        assertThat(http("POST", "/r/" + link.group(1).replace('.', '-') + "/help")
                        .statusCode())
                .as("a forged link")
                .isEqualTo(404);
        assertThat(http("POST", "/r/" + link.group(1) + "/help").statusCode()).isEqualTo(200);
        await().atMost(WAIT)
                .until(() -> outboxData(issued, VictimRequestedHelp.TYPE).size() == 2);
        await().atMost(WAIT).until(() -> helpMails(number, DUTY).size() >= 3);
    }

    @Test
    void helpWithinTheOrdersWindowIsRecordedAndAnsweredAlreadySentAndAFloodedLinkIsRefused() throws Exception {
        String phone = newPhone();
        EventEnvelope<OrderIssued> issued = issue(new ContactPoint(NotificationChannel.SMS, phone, "en", null, true));
        verify(phone);
        String number = issued.data().orderNumber();
        send(2, served(issued));
        Matcher link =
                REPLY.matcher(SmsGateway.message(GATEWAY.awaitMessages(phone, 2).get(1)));
        assertThat(link.find()).isTrue();
        String help = "/r/" + link.group(1) + "/help";

        // The first press tells the duty unit, in English too (the victim's language named).
        HttpResponse<String> first = http("POST", help);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("The police have been told");
        await().atMost(WAIT).until(() -> helpMails(number, DUTY).size() == 1);
        assertThat(String.valueOf(helpMails(number, DUTY).get(0).getContent()))
                .contains("The victim asked for help.", "Order number: " + number, "Language: en")
                .doesNotContain(phone.substring(2));
        long policeNotices = helpNotices(issued);

        // Pressed again within the window: answered "already sent", recorded, and nobody told again.
        HttpResponse<String> again = http("POST", help);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Already sent: help is on its way", "102");
        assertThat(outboxData(issued, VictimRequestedHelp.TYPE)).hasSize(1);
        assertThat(outboxData(issued, VictimReplied.TYPE)).singleElement().satisfies(data -> assertThat(data)
                .contains("\"answer\":\"HELP_REPEATED\"", "\"via\":\"LINK\"")
                .doesNotContain(phone));
        // By SMS within the window too; the victim, who sees no page, is answered again.
        assertThat(reply(phone, "help").statusCode()).isEqualTo(202);
        assertThat(outboxData(issued, VictimReplied.TYPE)).hasSize(2);
        assertThat(SmsGateway.message(GATEWAY.awaitMessages(phone, 4).get(3))).contains("102");
        assertThat(outboxData(issued, VictimRequestedHelp.TYPE)).hasSize(1);
        assertThat(helpNotices(issued)).isEqualTo(policeNotices);

        // A flooded link: beyond its allowance, a problem with Retry-After, and nothing recorded.
        for (int press = 2; press < PRESSES_PER_LINK; press++) {
            assertThat(http("POST", help).statusCode()).isEqualTo(200);
        }
        int repliesBefore = outboxData(issued, VictimReplied.TYPE).size();
        HttpResponse<String> flooded = http("POST", help);
        assertThat(flooded.statusCode()).isEqualTo(429);
        assertThat(flooded.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(flooded.headers().firstValue("Retry-After")).isPresent();
        assertThat(flooded.body()).contains("urn:qorgau:problem:too-many-replies");
        // The page too, and a browser asking for HTML is answered the problem all the same.
        HttpResponse<String> browser = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/r/" + link.group(1)))
                        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(browser.statusCode()).isEqualTo(429);
        assertThat(browser.body()).contains("urn:qorgau:problem:too-many-replies");
        assertThat(outboxData(issued, VictimReplied.TYPE)).hasSize(repliesBefore);

        // After the window a HELP tells the duty unit again, as the first did.
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(reply(phone, "SOS").statusCode()).isEqualTo(202);
        await().atMost(WAIT)
                .until(() -> outboxData(issued, VictimRequestedHelp.TYPE).size() == 2);
        await().atMost(WAIT).until(() -> helpMails(number, DUTY).size() == 2);
    }

    @Test
    void endingNoticesReachTheFamilySupportCentreThroughThe111HelpLineMarkedSecondaryByDefault(
            @Autowired VictimNoticeProperties victims) {
        assertThat(victims.helpLine()).isEqualTo(new VictimNoticeProperties.HelpLine("111", "SECONDARY"));
        assertThat(victims.familySupportCentrePhone())
                .as("no region's own number by default")
                .isNullOrEmpty();
    }

    @Test
    void anEmailContactIsToldNotToReplyToTheEmailButToUseTheLink() throws Exception {
        String mailbox = "victim-" + UUID.randomUUID() + "@mail.example.kz";
        issue(new ContactPoint(NotificationChannel.EMAIL, mailbox, "en", null, true));

        await().atMost(WAIT).until(() -> !mailsTo(mailbox).isEmpty());
        String code = String.valueOf(mailsTo(mailbox).get(0).getContent());
        assertThat(code)
                .contains("Your confirmation code", "/v/")
                .contains("Do not reply to this e-mail: replies are not read. Use the link.");
    }

    private List<MimeMessage> mailsTo(String to) {
        return infrastructure.inbox().receivedMessages().stream()
                .filter(mail -> {
                    try {
                        return Arrays.stream(mail.getAllRecipients())
                                .map(Address::toString)
                                .anyMatch(to::equals);
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private long helpNotices(EventEnvelope<OrderIssued> issued) {
        return jdbc.sql("SELECT count(*) FROM notice WHERE order_id = :o AND event_type = :t")
                .param("o", UUID.fromString(issued.subject()))
                .param("t", VictimRequestedHelp.TYPE)
                .query(Long.class)
                .single();
    }

    private OrderServed served(EventEnvelope<OrderIssued> issued) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new OrderServed(
                issued.subject(),
                issued.data().orderNumber(),
                DISTRICT,
                unit(),
                "officer-48213",
                OrderServed.Method.SIGNED,
                now.minusSeconds(60),
                now,
                now.plus(Duration.ofDays(30)));
    }

    private static String unit() {
        return DISTRICT + "-UP-02";
    }

    private EventEnvelope<OrderIssued> issue(ContactPoint... points) {
        String orderId = UUID.randomUUID().toString();
        VictimContact contact = VictimContact.of("Тест Тестова", List.of(points));
        EventEnvelope<OrderIssued> issued =
                TestOrders.issued(TestOrders.order(orderId, DISTRICT, TestOrders.seal(orderId, contact)));
        writer.send(infrastructure.topic(Topics.ORDERS_TOPIC), issued);
        return issued;
    }

    private void send(long sequence, QorgauEvent data) {
        writer.send(
                infrastructure.topic(Topics.ORDERS_TOPIC),
                EventEnvelope.of(EventSources.ORDER_SERVICE, sequence, data));
    }

    /** Verifies the phone's contact with the code the gateway received. */
    private void verify(String phone) throws Exception {
        String text = SmsGateway.message(GATEWAY.awaitMessages(phone, 1).get(0));
        Matcher code = CODE.matcher(text);
        Matcher token = VERIFY.matcher(text);
        assertThat(code.find() && token.find()).as(text).isTrue();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v/" + token.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("code=" + code.group(1)))
                .build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }

    /** An inbound SMS from {@code phone}, signed as the gateway signs it. */
    private HttpResponse<String> reply(String phone, String text) throws Exception {
        String body = JsonMapper.builder()
                .build()
                .writeValueAsString(java.util.Map.of("id", "gw-" + UUID.randomUUID(), "from", phone, "text", text));
        String now = String.valueOf(clock.instant().getEpochSecond());
        return inbound(now, sign(SECRET, now, body), body);
    }

    private HttpResponse<String> inbound(String timestamp, String signature, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/sms/inbound"))
                .header("Content-Type", "application/json")
                .header("X-Qorgau-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-Qorgau-Signature", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sign(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256="
                + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> http(String method, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String victimNoticeStatus(EventEnvelope<OrderIssued> issued, String type, String phone) {
        return jdbc.sql("SELECT status FROM notice WHERE order_id = :o AND event_type = :t"
                        + " AND recipient_role = 'VICTIM_CONTACT'")
                .param("o", UUID.fromString(issued.subject()))
                .param("t", type)
                .query(String.class)
                .optional()
                .orElse("");
    }

    private String contactState(EventEnvelope<OrderIssued> issued) {
        return jdbc.sql("SELECT state FROM victim_contact WHERE event_id = :e")
                .param("e", issued.id())
                .query(String.class)
                .single();
    }

    private long notices(EventEnvelope<OrderIssued> issued) {
        return jdbc.sql("SELECT count(*) FROM notice WHERE order_id = :o")
                .param("o", UUID.fromString(issued.subject()))
                .query(Long.class)
                .single();
    }

    private List<String> outboxData(EventEnvelope<OrderIssued> issued, String type) {
        return jdbc.sql("SELECT data::text FROM kit_outbox WHERE subject = :o AND event_type = :t")
                .param("o", issued.subject())
                .param("t", type)
                .query(String.class)
                .list();
    }

    private static String newPhone() {
        return "+7707" + String.format("%07d", PHONES.incrementAndGet() % 10_000_000);
    }

    /** The mails to {@code to} about a victim's HELP that name {@code text}. */
    private List<MimeMessage> helpMails(String text, String to) {
        return infrastructure.inbox().receivedMessages().stream()
                .filter(mail -> {
                    try {
                        String all = mail.getSubject() + mail.getContent();
                        return all.contains(text)
                                && all.contains("Жәбірленуші көмек сұрады")
                                && Arrays.stream(mail.getAllRecipients())
                                        .map(Address::toString)
                                        .anyMatch(to::equals);
                    } catch (MessagingException | java.io.IOException e) {
                        return false;
                    }
                })
                .toList();
    }
}
