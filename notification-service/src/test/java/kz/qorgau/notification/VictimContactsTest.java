package kz.qorgau.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.events.OrderAmended;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.OrderRevoked;
import kz.qorgau.events.VictimContact;
import kz.qorgau.events.VictimContact.ContactPoint;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.events.sealed.SealedFieldCipher;
import kz.qorgau.notification.contacts.ContactVerification;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The victim's contacts on a real Kafka, PostgreSQL, SMTP server and an SMS gateway (WireMock), docs/adr/0030:
 * each opted-in contact gets its one-time code and nothing else until it is verified; wrong codes are refused and
 * limited; the right one verifies; an opted-out contact gets nothing more; the gateway's failures are survived;
 * a supervisor of the district sees the contacts' states, never an address; no address in the database in clear,
 * in a notice or in an event.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "qorgau.notification.sms.auth-value=" + VictimContactsTest.AUTH,
            "qorgau.notification.sms.body={\"msisdn\": \"{{to}}\", \"message\": \"{{text}}\", \"ref\": \"{{id}}\"}",
            "qorgau.notification.sms.timeout=1s",
            "qorgau.notification.delivery.first-retry-delay=100ms",
            "qorgau.notification.delivery.max-retry-delay=300ms",
            "qorgau.notification.contacts.max-wrong-codes=3",
            "qorgau.notification.contacts.delete-after-order-ends=1d",
            "qorgau.notification.contacts.cleanup-interval=1s"
        })
@QorgauInfrastructure(smtp = true)
@Import(OrderServiceTopics.class)
class VictimContactsTest {

    static final String AUTH = "Bearer test-only-sms-gateway-token";

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DISTRICT = "ALM-BOSTANDYK";
    private static final SmsGateway GATEWAY = new SmsGateway();
    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 100_000));
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern TOKEN = Pattern.compile("/v/([A-Za-z0-9._-]+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static EventTopicWriter writer;

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ContactVerification verification;

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
    void anUnverifiedContactGetsOnlyItsCodeWhichNamesNeitherThePoliceNorTheOrder() throws Exception {
        String phone = newPhone();
        String notOptedIn = newPhone();
        String email = "contact-" + UUID.randomUUID() + "@mail.example.kz";
        EventEnvelope<OrderIssued> issued = issue(
                DISTRICT,
                new ContactPoint(NotificationChannel.SMS, phone, "ru", null, true),
                new ContactPoint(NotificationChannel.EMAIL, email, "kk", null, true),
                new ContactPoint(NotificationChannel.SMS, notOptedIn, "en", null, false));

        LoggedRequest sms = GATEWAY.awaitMessages(phone, 1).get(0);
        JsonNode body = JsonMapper.builder().build().readTree(sms.getBody());
        assertThat(body.get("msisdn").asString()).isEqualTo(phone);
        assertThat(sms.getHeader("Authorization")).isEqualTo(AUTH);
        String text = body.get("message").asString();
        assertThat(text).startsWith("Код подтверждения").containsPattern(CODE).contains("/v/");
        assertNeutral(text, issued);
        // The contact's e-mail gets its own code, from a neutral sender.
        MimeMessage mail = await().atMost(WAIT).until(() -> mailTo(email), found -> found != null);
        assertThat(mail.getFrom()[0].toString())
                .doesNotContainIgnoringCase("police")
                .doesNotContainIgnoringCase("qorgau");
        assertNeutral(subjectAndText(mail), issued);
        // Only the opted-in ones were asked, each once; nothing else reaches them while unverified.
        assertThat(outbox(issued, "kz.qorgau.notification.contact.verification.requested.v1"))
                .hasSize(2);
        UUID contactId = contactOf(issued, 0);
        UUID notice = noticeTo(issued, contactId, "VICTIM_CONTACT");
        await().atMost(WAIT).until(() -> "SUPERSEDED".equals(status(notice)));
        assertThat(lastError(notice)).isEqualTo("CONTACT_UNVERIFIED");
        assertThat(GATEWAY.messagesTo(phone)).hasSize(1);
        assertThat(GATEWAY.messagesTo(notOptedIn)).isEmpty();
        // No address in clear in the database (contacts, notices) nor in the outbox's events.
        String stored = jdbc.sql("SELECT string_agg(victim_contact::text, ' ') FROM victim_contact WHERE order_id = :o")
                        .param("o", UUID.fromString(issued.subject()))
                        .query(String.class)
                        .single()
                + jdbc.sql("SELECT string_agg(notice::text, ' ') FROM notice WHERE order_id = :o")
                        .param("o", UUID.fromString(issued.subject()))
                        .query(String.class)
                        .single()
                + jdbc.sql("SELECT string_agg(data::text, ' ') FROM kit_outbox WHERE subject = :o")
                        .param("o", issued.subject())
                        .query(String.class)
                        .single();
        assertThat(stored)
                .doesNotContain(phone)
                .doesNotContain(phone.substring(5))
                .doesNotContain(notOptedIn)
                .doesNotContain(email)
                .doesNotContain(
                        CODE.matcher(text).results().findFirst().orElseThrow().group(1));
    }

    @Test
    void wrongCodesAreRefusedAndLimitedAndTheRightOneVerifies() throws Exception {
        String phone = newPhone();
        EventEnvelope<OrderIssued> issued =
                issue(DISTRICT, new ContactPoint(NotificationChannel.SMS, phone, "kk", null, true));
        String text = SmsGateway.message(GATEWAY.awaitMessages(phone, 1).get(0));
        String code = code(text);
        String token = token(text);

        HttpResponse<String> page = send("GET", "/v/" + token, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form", "name=\"code\"").doesNotContainIgnoringCase("qorgau");
        assertThat(send("POST", "/v/" + token, "code=" + wrong(code)).statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/v/" + token, "code=" + wrong(wrong(code))).statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/v/" + token.replace('.', '-'), "code=" + code).statusCode())
                .as("a forged link")
                .isEqualTo(404);

        HttpResponse<String> verified = send("POST", "/v/" + token, "code=" + code);

        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(contacts(issued, Persona.SUPERVISOR_A).body())
                .contains("\"state\":\"VERIFIED\"", "\"wrongCodes\":2", "\"channel\":\"SMS\"")
                .doesNotContain(phone);
        assertThat(outbox(issued, "kz.qorgau.notification.contact.verified.v1"))
                .singleElement()
                .satisfies(data -> assertThat(data).doesNotContain(phone));
        // The next verification message of the same contact (a repeat) would be superseded, not sent.
        assertThat(GATEWAY.messagesTo(phone)).hasSize(1);

        String other = newPhone();
        EventEnvelope<OrderIssued> guessed =
                issue(DISTRICT, new ContactPoint(NotificationChannel.SMS, other, "en", null, true));
        String otherText = SmsGateway.message(GATEWAY.awaitMessages(other, 1).get(0));
        String otherToken = token(otherText);
        String otherCode = code(otherText);
        assertThat(send("POST", "/v/" + otherToken, "code=" + wrong(otherCode)).statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/v/" + otherToken, "code=" + wrong(otherCode)).statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/v/" + otherToken, "code=" + wrong(otherCode)).statusCode())
                .as("the third wrong code locks")
                .isEqualTo(429);
        assertThat(send("POST", "/v/" + otherToken, "code=" + otherCode).statusCode())
                .as("locked: even the right code is refused")
                .isEqualTo(429);
        assertThat(contacts(guessed, Persona.SUPERVISOR_A).body()).contains("\"state\":\"LOCKED\"");
    }

    @Test
    void anOptedOutContactGetsNothingMore() throws Exception {
        String phone = newPhone();
        EventEnvelope<OrderIssued> issued =
                issue(DISTRICT, new ContactPoint(NotificationChannel.SMS, phone, "ru", null, true));
        String token = token(SmsGateway.message(GATEWAY.awaitMessages(phone, 1).get(0)));

        HttpResponse<String> stopped = send("POST", "/v/" + token + "/stop", null);

        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(outbox(issued, "kz.qorgau.notification.contact.opted.out.v1"))
                .singleElement()
                .satisfies(data -> assertThat(data).contains("\"via\":\"LINK\"").doesNotContain(phone));
        UUID notice = noticeTo(issued, contactOf(issued, 0), "VICTIM_CONTACT");
        await().atMost(WAIT).until(() -> "SUPERSEDED".equals(status(notice)));
        assertThat(lastError(notice)).isEqualTo("CONTACT_OPTED_OUT");
        assertThat(GATEWAY.messagesTo(phone)).hasSize(1);
        assertThat(contacts(issued, Persona.SUPERVISOR_A).body())
                .contains("\"state\":\"OPTED_OUT\"", "\"optedIn\":false");

        // STOP by SMS (the inbound slice's call): found by the phone's blind index, however the number is written.
        String other = newPhone();
        EventEnvelope<OrderIssued> second =
                issue(DISTRICT, new ContactPoint(NotificationChannel.SMS, other, "kk", null, true));
        GATEWAY.awaitMessages(other, 1);
        String written = "8 " + other.substring(2, 5) + " " + other.substring(5, 8) + "-" + other.substring(8);
        assertThat(verification.optOutPhone(written, ContactVerification.VIA_SMS_REPLY))
                .isEqualTo(1);
        assertThat(contacts(second, Persona.SUPERVISOR_A).body()).contains("\"optedOutVia\":\"SMS_REPLY\"");
    }

    @Test
    void theGatewaysTimeoutsServerErrorsAndThrottlingAreSurvived() throws Exception {
        String phone = newPhone();
        String scenario = "gateway-" + phone;
        GATEWAY.server()
                .stubFor(post(urlEqualTo("/sms"))
                        .withRequestBody(containing(phone))
                        .inScenario(scenario)
                        .whenScenarioStateIs(STARTED)
                        .willReturn(aResponse().withStatus(503))
                        .willSetStateTo("throttled"));
        GATEWAY.server()
                .stubFor(post(urlEqualTo("/sms"))
                        .withRequestBody(containing(phone))
                        .inScenario(scenario)
                        .whenScenarioStateIs("throttled")
                        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                        .willSetStateTo("slow"));
        GATEWAY.server()
                .stubFor(post(urlEqualTo("/sms"))
                        .withRequestBody(containing(phone))
                        .inScenario(scenario)
                        .whenScenarioStateIs("slow")
                        .willReturn(aResponse().withStatus(200).withFixedDelay(3000))
                        .willSetStateTo("well"));
        GATEWAY.server()
                .stubFor(post(urlEqualTo("/sms"))
                        .withRequestBody(containing(phone))
                        .inScenario(scenario)
                        .whenScenarioStateIs("well")
                        .willReturn(aResponse().withStatus(200)));

        EventEnvelope<OrderIssued> issued =
                issue("AST-ESIL", new ContactPoint(NotificationChannel.SMS, phone, "kk", null, true));

        UUID contact = await().atMost(WAIT).until(() -> contactOrNull(issued), found -> found != null);
        await().atMost(WAIT).until(() -> "SENT".equals(verificationStatus(issued, contact)));
        List<LoggedRequest> requests = GATEWAY.messagesTo(phone).stream()
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
        assertThat(requests).hasSize(4);
        assertThat(requests).extracting(SmsGateway::message).containsOnly(SmsGateway.message(requests.get(0)));
        assertThat(Duration.between(
                        requests.get(1).getLoggedDate().toInstant(),
                        requests.get(2).getLoggedDate().toInstant()))
                .as("after the 429, its Retry-After")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        // Another district's order: its contacts are as unknown to this supervisor as a missing order.
        assertThat(contacts(issued, Persona.SUPERVISOR_A).statusCode()).isEqualTo(404);
        assertThat(contacts(issued, Persona.OFFICER_B).statusCode())
                .as("officers do not see contacts")
                .isEqualTo(403);
    }

    @Test
    void anAmendmentReplacesTheContactsAndOneThatOptedOutStaysOptedOut() throws Exception {
        String stays = newPhone();
        String added = newPhone();
        EventEnvelope<OrderIssued> issued =
                issue(DISTRICT, new ContactPoint(NotificationChannel.SMS, stays, "ru", null, true));
        String token = token(SmsGateway.message(GATEWAY.awaitMessages(stays, 1).get(0)));
        assertThat(send("POST", "/v/" + token + "/stop", null).statusCode()).isEqualTo(200);

        VictimContact amendedContacts = VictimContact.of(
                "Тест Тестова",
                List.of(
                        new ContactPoint(NotificationChannel.SMS, added, "kk", null, true),
                        new ContactPoint(NotificationChannel.SMS, stays, "ru", null, true)));
        writer.send(
                infrastructure.topic(Topics.ORDERS_TOPIC),
                EventEnvelope.of(
                        EventSources.ORDER_SERVICE,
                        2,
                        new OrderAmended(
                                issued.subject(),
                                issued.data().orderNumber(),
                                issued.data().district(),
                                issued.data().policeUnit(),
                                "supervisor-a",
                                List.of(OrderAmended.Change.VICTIM_CONTACT),
                                "VICTIM_REQUEST",
                                null,
                                TestOrders.ORDER_SERVICE_CIPHER.sealJson(
                                        amendedContacts,
                                        SealedFieldCipher.binding(issued.subject(), OrderAmended.VICTIM_CONTACT_FIELD)),
                                Instant.now())));

        GATEWAY.awaitMessages(added, 1);
        String view = contacts(issued, Persona.SUPERVISOR_A).body();
        assertThat(view)
                .contains("\"state\":\"REPLACED\"", "\"state\":\"UNVERIFIED\"", "\"state\":\"OPTED_OUT\"")
                .doesNotContain(stays)
                .doesNotContain(added);
        assertThat(GATEWAY.messagesTo(stays)).as("stopped stays stopped").hasSize(1);
    }

    @Test
    void theContactsAreDeletedTheConfiguredTimeAfterTheOrderEnds() {
        EventEnvelope<OrderIssued> endedLongAgo =
                issue(DISTRICT, new ContactPoint(NotificationChannel.SMS, newPhone(), "kk", null, true));
        EventEnvelope<OrderIssued> endedNow =
                issue(DISTRICT, new ContactPoint(NotificationChannel.SMS, newPhone(), "kk", null, true));
        await().atMost(WAIT).until(() -> contactOrNull(endedLongAgo) != null && contactOrNull(endedNow) != null);

        revoke(endedLongAgo, Instant.now().minus(Duration.ofDays(2)));
        revoke(endedNow, Instant.now());

        await().atMost(WAIT).until(() -> contactOrNull(endedLongAgo) == null);
        assertThat(jdbc.sql("SELECT delete_after > now() + interval '23 hours' FROM victim_contact WHERE event_id = :e")
                        .param("e", endedNow.id())
                        .query(Boolean.class)
                        .single())
                .as("kept a day after the order ended")
                .isTrue();
    }

    private void revoke(EventEnvelope<OrderIssued> issued, Instant at) {
        writer.send(
                infrastructure.topic(Topics.ORDERS_TOPIC),
                EventEnvelope.of(
                        EventSources.ORDER_SERVICE,
                        2,
                        new OrderRevoked(
                                issued.subject(),
                                issued.data().orderNumber(),
                                issued.data().district(),
                                issued.data().policeUnit(),
                                "supervisor-a",
                                "VICTIM_REQUEST",
                                at.truncatedTo(ChronoUnit.SECONDS))));
    }

    private EventEnvelope<OrderIssued> issue(String district, ContactPoint... points) {
        String orderId = UUID.randomUUID().toString();
        VictimContact contact = VictimContact.of("Тест Тестова", List.of(points));
        EventEnvelope<OrderIssued> issued =
                TestOrders.issued(TestOrders.order(orderId, district, TestOrders.seal(orderId, contact)));
        writer.send(infrastructure.topic(Topics.ORDERS_TOPIC), issued);
        return issued;
    }

    private static void assertNeutral(String text, EventEnvelope<OrderIssued> issued) {
        assertThat(text)
                .doesNotContainIgnoringCase("qorgau")
                .doesNotContainIgnoringCase("police")
                .doesNotContainIgnoringCase("полиц")
                .doesNotContainIgnoringCase("полиция")
                .doesNotContainIgnoringCase("order")
                .doesNotContainIgnoringCase("предписан")
                .doesNotContainIgnoringCase("нұсқама")
                .doesNotContain(issued.data().orderNumber())
                .doesNotContain(issued.subject());
    }

    private static String newPhone() {
        return "+7705" + String.format("%07d", PHONES.incrementAndGet() % 10_000_000);
    }

    private static String code(String text) {
        Matcher matcher = CODE.matcher(text);
        assertThat(matcher.find()).as("a code in the message").isTrue();
        return matcher.group(1);
    }

    private static String token(String text) {
        Matcher matcher = TOKEN.matcher(text);
        assertThat(matcher.find()).as("a link in the message").isTrue();
        return matcher.group(1);
    }

    /** Another six digits. */
    private static String wrong(String code) {
        return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
    }

    private MimeMessage mailTo(String address) {
        return infrastructure.inbox().receivedMessages().stream()
                .filter(message -> {
                    try {
                        return message.getAllRecipients()[0].toString().equals(address);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .findFirst()
                .orElse(null);
    }

    private static String subjectAndText(MimeMessage mail) throws Exception {
        return mail.getSubject() + "\n" + mail.getContent();
    }

    private List<String> outbox(EventEnvelope<OrderIssued> issued, String type) {
        return await().atMost(WAIT)
                .until(
                        () -> jdbc.sql("SELECT data::text FROM kit_outbox WHERE subject = :o AND event_type = :t")
                                .param("o", issued.subject())
                                .param("t", type)
                                .query(String.class)
                                .list(),
                        rows -> !rows.isEmpty());
    }

    private UUID contactOrNull(EventEnvelope<OrderIssued> issued) {
        return jdbc.sql("SELECT id FROM victim_contact WHERE event_id = :e AND position = 0")
                .param("e", issued.id())
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    private UUID contactOf(EventEnvelope<OrderIssued> issued, int position) {
        return jdbc.sql("SELECT id FROM victim_contact WHERE event_id = :e AND position = :p")
                .param("e", issued.id())
                .param("p", position)
                .query(UUID.class)
                .single();
    }

    private String verificationStatus(EventEnvelope<OrderIssued> issued, UUID contact) {
        return jdbc.sql("SELECT status FROM notice WHERE event_id = :e AND recipient = :r")
                .param("e", issued.id())
                .param("r", "contact:" + contact)
                .query(String.class)
                .optional()
                .orElse("");
    }

    /** A notice to the contact as a later slice will record one (say, "order served"), due now. */
    private UUID noticeTo(EventEnvelope<OrderIssued> issued, UUID contact, String role) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                INSERT INTO notice (id, event_id, order_id, recipient_role, recipient, channel, status, attempts,
                    created_at, event_type, event_sequence, district, urgency, subject, body, due_at, deadline_at)
                VALUES (:id, :eventId, :orderId, :role, :recipient, 'SMS', 'PENDING', 0, now(),
                    'kz.qorgau.order.served.v1', 2, :district, 'URGENT', 'served', 'served', now(),
                    now() + interval '1 hour')
                """)
                .param("id", id)
                .param("eventId", UUID.randomUUID())
                .param("orderId", UUID.fromString(issued.subject()))
                .param("role", role)
                .param("recipient", "contact:" + contact)
                .param("district", issued.data().district())
                .update();
        return id;
    }

    private String status(UUID notice) {
        return jdbc.sql("SELECT status FROM notice WHERE id = :id")
                .param("id", notice)
                .query(String.class)
                .single();
    }

    private String lastError(UUID notice) {
        return jdbc.sql("SELECT last_error FROM notice WHERE id = :id")
                .param("id", notice)
                .query(String.class)
                .single();
    }

    private HttpResponse<String> contacts(EventEnvelope<OrderIssued> issued, Persona persona) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + port + "/api/v1/orders/" + issued.subject() + "/contacts"))
                        .header(
                                "Authorization",
                                "Bearer " + infrastructure.identity().token(persona))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (form == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
