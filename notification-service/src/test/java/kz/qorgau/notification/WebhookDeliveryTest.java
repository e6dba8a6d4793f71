package kz.qorgau.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.infrastructure.PortAllocator;
import kz.qorgau.notification.delivery.WebhookSignature;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The police dispatch webhook against a real HTTP peer (WireMock): a signed document the receiver can check,
 * and a notice that survives a timeout, a 5xx, a 429 with Retry-After, a malformed answer and a receiver down
 * for a while; a failing webhook opens its own breaker and holds up no e-mail.
 */
@SpringBootTest(
        properties = {
            "qorgau.notification.webhook.secret=" + WebhookDeliveryTest.SECRET,
            // Generous: a cold first request on a busy machine takes hundreds of milliseconds.
            "qorgau.notification.webhook.timeout=2s",
            "qorgau.notification.delivery.first-retry-delay=100ms",
            "qorgau.notification.delivery.max-retry-delay=300ms",
            "qorgau.notification.delivery.channels.WEBHOOK.window-size=4",
            "qorgau.notification.delivery.channels.WEBHOOK.open-for=2s"
        })
@QorgauInfrastructure(smtp = true)
@Import(OrderServiceTopics.class)
class WebhookDeliveryTest {

    static final String SECRET = "test-only-webhook-secret-0123456789abcdef";

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DISTRICT = "ALM-MEDEU";
    private static final int PORT = PortAllocator.freePort();
    private static final WireMockServer RECEIVER =
            new WireMockServer(WireMockConfiguration.options().port(PORT).bindAddress("127.0.0.1"));

    private static EventTopicWriter writer;

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void dispatchWebhook(DynamicPropertyRegistry registry) {
        registry.add(
                "qorgau.notification.dispatch-webhooks.[" + DISTRICT + "]",
                () -> "http://127.0.0.1:" + PORT + "/dispatch");
    }

    @BeforeAll
    static void start(@Autowired TestInfrastructure infrastructure) {
        RECEIVER.start();
        writer = EventTopicWriter.open(infrastructure.kafka());
    }

    @AfterAll
    static void stop() {
        writer.close();
        RECEIVER.stop();
    }

    @Test
    void theReceiverGetsASignedDocumentItCanCheckAndRefusesForgeriesAndReplays() throws Exception {
        EventEnvelope<OrderIssued> issued = TestOrders.issued(DISTRICT);
        answer(issued, aResponse().withStatus(202));

        writer.send(ordersTopic(), issued);

        await().atMost(WAIT).until(() -> "SENT".equals(webhookNotice(issued).get("status")));
        LoggedRequest request = requests(issued).get(0);
        byte[] body = request.getBody();
        String timestamp = request.getHeader(WebhookSignature.TIMESTAMP_HEADER);
        String signature = request.getHeader(WebhookSignature.SIGNATURE_HEADER);
        var receiver = new WebhookSignature(SECRET);
        Instant now = Instant.now();
        assertThat(receiver.verify(timestamp, signature, body, now, Duration.ofMinutes(5)))
                .isTrue();
        byte[] forged = new String(body, StandardCharsets.UTF_8)
                .replace(issued.data().policeUnit(), "ANOTHER-UNIT")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(receiver.verify(timestamp, signature, forged, now, Duration.ofMinutes(5)))
                .isFalse();
        assertThat(receiver.verify(timestamp, signature, body, now.plus(Duration.ofMinutes(10)), Duration.ofMinutes(5)))
                .as("a replay after the tolerance")
                .isFalse();
        assertThat(new WebhookSignature("another-secret-of-at-least-32-characters")
                        .verify(timestamp, signature, body, now, Duration.ofMinutes(5)))
                .isFalse();
        assertThat(request.getHeader(WebhookSignature.NOTICE_HEADER))
                .isEqualTo(webhookNotice(issued).get("id").toString());
        JsonNode document = JsonMapper.builder().build().readTree(body);
        assertThat(document.get("orderNumber").asString())
                .isEqualTo(issued.data().orderNumber());
        assertThat(document.get("eventId").asString()).isEqualTo(issued.id().toString());
        // The signed acknowledgement link of this notice (docs/adr/0024), inside the signed document.
        assertThat(document.get("acknowledgeUrl").asString())
                .startsWith("http://127.0.0.1:8082/acknowledgements/"
                        + webhookNotice(issued).get("id") + ".");
        String text = new String(body, StandardCharsets.UTF_8);
        TestOrders.VICTIM_DATA.forEach(personal -> assertThat(text).doesNotContain(personal));
    }

    @Test
    void aServerErrorATimeoutAndAMalformedAnswerAreTriedAgainUnderTheSameNoticeId() {
        EventEnvelope<OrderIssued> issued = TestOrders.issued(DISTRICT);
        String scenario = issued.data().orderNumber();
        RECEIVER.stubFor(post(urlEqualTo("/dispatch"))
                .withRequestBody(containing(quoted(issued)))
                .inScenario(scenario)
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("slow"));
        RECEIVER.stubFor(post(urlEqualTo("/dispatch"))
                .withRequestBody(containing(quoted(issued)))
                .inScenario(scenario)
                .whenScenarioStateIs("slow")
                .willReturn(aResponse().withStatus(200).withFixedDelay(4000))
                .willSetStateTo("garbled"));
        RECEIVER.stubFor(post(urlEqualTo("/dispatch"))
                .withRequestBody(containing(quoted(issued)))
                .inScenario(scenario)
                .whenScenarioStateIs("garbled")
                .willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE))
                .willSetStateTo("well"));
        RECEIVER.stubFor(post(urlEqualTo("/dispatch"))
                .withRequestBody(containing(quoted(issued)))
                .inScenario(scenario)
                .whenScenarioStateIs("well")
                .willReturn(aResponse().withStatus(200)));

        writer.send(ordersTopic(), issued);

        await().atMost(WAIT).until(() -> "SENT".equals(webhookNotice(issued).get("status")));
        assertThat(webhookNotice(issued)).containsEntry("attempts", 4);
        List<LoggedRequest> requests = requests(issued);
        assertThat(requests).hasSize(4);
        assertThat(requests)
                .extracting(request -> request.getHeader(WebhookSignature.NOTICE_HEADER))
                .containsOnly(webhookNotice(issued).get("id").toString());
    }

    @Test
    void aThrottledNoticeWaitsForTheReceiversRetryAfter() {
        EventEnvelope<OrderIssued> issued = TestOrders.issued(DISTRICT);
        String scenario = issued.data().orderNumber();
        RECEIVER.stubFor(post(urlEqualTo("/dispatch"))
                .withRequestBody(containing(quoted(issued)))
                .inScenario(scenario)
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
                .willSetStateTo("well"));
        RECEIVER.stubFor(post(urlEqualTo("/dispatch"))
                .withRequestBody(containing(quoted(issued)))
                .inScenario(scenario)
                .whenScenarioStateIs("well")
                .willReturn(aResponse().withStatus(200)));

        writer.send(ordersTopic(), issued);

        await().atMost(WAIT).until(() -> "SENT".equals(webhookNotice(issued).get("status")));
        List<LoggedRequest> requests = requests(issued).stream()
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
        assertThat(requests).hasSize(2);
        // The back-off alone is at most 300 ms here; the receiver asked for 2 s.
        assertThat(Duration.between(
                        requests.get(0).getLoggedDate().toInstant(),
                        requests.get(1).getLoggedDate().toInstant()))
                .as(() -> "notice " + webhookNotice(issued) + ", answers "
                        + RECEIVER.getAllServeEvents().stream()
                                .filter(event ->
                                        event.getRequest().getBodyAsString().contains(quoted(issued)))
                                .map(event -> event.getResponse().getStatus() + "@"
                                        + event.getRequest().getLoggedDate().toInstant())
                                .toList())
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void aReceiverDownForAWhileLosesNothingAndGetsEachNoticeOnce() {
        List<EventEnvelope<OrderIssued>> issued = List.of(TestOrders.issued(DISTRICT), TestOrders.issued(DISTRICT));
        // Its answers are set before it goes down: a request the instant it is back finds them.
        issued.forEach(event -> answer(event, aResponse().withStatus(200)));
        RECEIVER.stop();
        issued.forEach(event -> writer.send(ordersTopic(), event));
        try {
            await().atMost(WAIT).until(() -> issued.stream()
                    .allMatch(event -> ((Number) webhookNotice(event).getOrDefault("attempts", 0)).intValue() >= 2));
            assertThat(issued).allSatisfy(event -> assertThat(webhookNotice(event))
                    .containsEntry("status", "PENDING")
                    .containsEntry("last_error", "WEBHOOK_UNAVAILABLE"));
            // The e-mail of the same events went out meanwhile: the webhook's outage is its own.
            await().atMost(WAIT).until(() -> issued.stream().allMatch(event -> "SENT".equals(emailStatus(event))));
        } finally {
            RECEIVER.start();
        }

        await().atMost(WAIT).until(() -> issued.stream()
                .allMatch(event -> "SENT".equals(webhookNotice(event).get("status"))));
        assertThat(issued).allSatisfy(event -> assertThat(requests(event)).hasSize(1));
    }

    @Test
    void aFailingWebhookOpensItsOwnBreakerAndHoldsUpNoEmail() {
        EventEnvelope<OrderIssued> failing = TestOrders.issued(DISTRICT);
        answer(failing, aResponse().withStatus(500));

        writer.send(ordersTopic(), failing);
        await().atMost(WAIT).until(() -> breakerOpen("WEBHOOK") == 1);
        EventEnvelope<OrderIssued> meanwhile = TestOrders.issued("ALM-BOSTANDYK");
        writer.send(ordersTopic(), meanwhile);
        await().atMost(WAIT).until(() -> "SENT".equals(emailStatus(meanwhile)));
        assertThat(breakerOpen("EMAIL")).isZero();

        answer(failing, aResponse().withStatus(200));
        await().atMost(WAIT).until(() -> "SENT".equals(webhookNotice(failing).get("status")));
    }

    private void answer(EventEnvelope<OrderIssued> issued, ResponseDefinitionBuilder response) {
        RECEIVER.stubFor(post(urlEqualTo("/dispatch"))
                .withRequestBody(containing(quoted(issued)))
                .willReturn(response));
    }

    private List<LoggedRequest> requests(EventEnvelope<OrderIssued> issued) {
        return RECEIVER.findAll(postRequestedFor(urlEqualTo("/dispatch")).withRequestBody(containing(quoted(issued))));
    }

    private Map<String, Object> webhookNotice(EventEnvelope<OrderIssued> issued) {
        // Empty until the listener recorded it.
        return jdbc
                .sql("SELECT * FROM notice WHERE event_id = :eventId AND channel = 'WEBHOOK'")
                .param("eventId", issued.id())
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(Map.of());
    }

    private String emailStatus(EventEnvelope<OrderIssued> issued) {
        return jdbc.sql("SELECT status FROM notice WHERE event_id = :eventId AND channel = 'EMAIL'")
                .param("eventId", issued.id())
                .query(String.class)
                .optional()
                .orElse("");
    }

    private double breakerOpen(String channel) {
        Gauge gauge = meters.find("qorgau.notices.channel.open")
                .tag("channel", channel)
                .gauge();
        return gauge == null ? -1 : gauge.value();
    }

    /** As the document has it: one number may be the start of another. */
    private static String quoted(EventEnvelope<OrderIssued> issued) {
        return "\"" + issued.data().orderNumber() + "\"";
    }

    private String ordersTopic() {
        return infrastructure.topic(Topics.ORDERS_TOPIC);
    }
}
