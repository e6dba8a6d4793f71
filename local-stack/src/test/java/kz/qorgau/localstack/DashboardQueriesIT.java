package kz.qorgau.localstack;

import static kz.qorgau.localstack.LocalStackLauncher.as;
import static kz.qorgau.localstack.LocalStackLauncher.get;
import static kz.qorgau.localstack.LocalStackLauncher.http;
import static kz.qorgau.localstack.LocalStackLauncher.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.infrastructure.PortAllocator;
import kz.qorgau.infrastructure.Source;
import kz.qorgau.infrastructure.kafka.KafkaEndpoint;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every dashboard panel and every alert shows something on a real system: starts the local stack and
 * a real Prometheus scraping it with the project's configuration and rules, drives a small scenario,
 * then asks Prometheus's HTTP API for every panel query (Grafana's variables substituted) and every
 * alert expression without its comparison. Each must parse and return at least one series. Skips
 * without {@code prometheus} on the PATH, and fails without it under CI=true.
 */
class DashboardQueriesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(2);
    private static final String DUTY_UNIT = LocalStackLauncher.WALK_THROUGH_DUTY_UNIT;

    private static final Pattern ACKNOWLEDGEMENT_LINK = Pattern.compile("https?://\\S+/acknowledgements/[^\\s\"<>]+");

    /** How long the violation's police notice may stay unacknowledged here (10 minutes by default). */
    private static final String ESCALATE_AFTER = "15s";

    /** The alerts the scenario makes fire, each once. */
    private static final List<String> FIRED =
            List.of("QorgauDeadLetters", "QorgauOrderParked", "QorgauNoticesFailed", "QorgauUrgentNoticeEscalated");

    // Kept when the test fails, for the logs the failure names.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    private final Path root = Path.of(System.getProperty("qorgau.repository.root", ".."))
            .toAbsolutePath()
            .normalize();
    private final LocalStackLauncher launcher = new LocalStackLauncher(root);
    private final LocalStackSettings settings = launcher.settings();
    private PrometheusProcess prometheus;

    @AfterEach
    void stopEverything() {
        if (prometheus != null) {
            prometheus.close();
        }
        launcher.stopWhateverIsLeftAndDropTheDatabases();
    }

    /**
     * The scenario: a request without a token (401), an SMS gateway that refuses every message (the victim's
     * code is given up), an order issued (its police alert e-mailed and acknowledged through its link), a read
     * from another district (404), a person check, the order served and a violation whose police notice
     * nobody acknowledges (escalated), a record that is no event on qorgau.orders (notification-service
     * dead-letters it and parks its key; audit-service appends it and its dead letter raw), and the audit
     * trail verified. Then every query returns series, every alert expression too, and the alerts the
     * scenario provokes fire in Prometheus itself, the first of each after a start included.
     */
    @Test
    void everyPanelAndEveryAlertReturnsSeriesFromARunningStack() throws Exception {
        Path binary = OpsFiles.requireBinary(PrometheusProcess.BINARY);
        Process stack = launcher.launch(
                dataDir,
                "stack",
                Map.of(
                        // Started once: class-data sharing (LocalStackIT's part) would only cost its extraction.
                        LocalStackSettings.SHARED_CLASSES,
                        "off",
                        LocalStackSettings.WITH_PROMETHEUS,
                        "off",
                        "QORGAU_NOTIFICATION_VIOLATION_ESCALATE_AFTER",
                        ESCALATE_AFTER));
        launcher.everyServiceIsHealthy();
        prometheus = PrometheusProcess.start(
                binary,
                dataDir.resolve("prometheus"),
                PortAllocator.freePort(),
                PrometheusProcess.scrapeConfiguration(settings, SCRAPE_INTERVAL),
                dataDir.resolve("prometheus.log"),
                Duration.ofSeconds(60));

        driveTheScenario();

        Map<String, String> queries = new LinkedHashMap<>();
        OpsFiles.dashboardQueries().forEach(query -> queries.put(query.toString(), query.expr()));
        for (OpsFiles.Alert alert : OpsFiles.alerts()) {
            String series = OpsFiles.withoutComparison(alert.expr());
            assertThat(series).as(alert.name() + " has a comparison").isNotEqualTo(alert.expr());
            queries.put("alert " + alert.name() + ": " + series, series);
        }
        // Rates need two scrapes of a series; everything should show within a few scrape intervals.
        List<String> empty = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(3))
                .untilAsserted(() -> {
                    empty.clear();
                    for (var query : queries.entrySet()) {
                        Answer answer = query(query.getValue());
                        if (answer.error() != null || answer.series() == 0) {
                            empty.add(
                                    query.getKey() + " -> " + (answer.error() != null ? answer.error() : "no series"));
                        }
                    }
                    assertThat(empty).as("queries that show nothing").isEmpty();
                });
        System.out.printf("%d queries returned series%n", queries.size());

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(firingAlerts()).containsAll(FIRED));
        assertThat(firingAlerts())
                .as("nothing else is wrong with a healthy stack")
                .doesNotContain("QorgauServiceDown", "QorgauAuditChainBroken", "QorgauOutboxRelayMissing");
        launcher.stop(stack);
    }

    private void driveTheScenario() throws Exception {
        Map<String, String> tokens = launcher.everyPersonaGetsAToken();
        String orderApi = launcher.service("order-service").apiUrl();
        String order = LocalStackLauncher.walkThroughOrder(root);

        HttpResponse<String> anonymous = http(post(orderApi + "/orders", order));
        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
        // The SMS gateway refuses every message from now: the victim's code cannot be sent, and its notice is
        // given up at once (a 4xx is refused for good): QorgauNoticesFailed.
        HttpResponse<String> refusing = http(post(
                "http://127.0.0.1:" + settings.smsGatewayPort() + "/__admin/mappings",
                "{\"priority\": 1, \"request\": {\"method\": \"POST\", \"urlPath\": \"/sms\"},"
                        + " \"response\": {\"status\": 400}}"));
        assertThat(refusing.statusCode()).as(refusing.body()).isEqualTo(201);

        HttpResponse<String> issued = http(as(
                tokens,
                "officer-a",
                post(orderApi + "/orders", order)
                        .header("Idempotency-Key", UUID.randomUUID().toString())));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String orderId = JSON.readTree(issued.body()).get("id").asString();
        assertThat(http(as(tokens, "officer-b", get(orderApi + "/orders/" + orderId)))
                        .statusCode())
                .as("another district")
                .isEqualTo(404);
        HttpResponse<String> check = http(
                as(
                        tokens,
                        "officer-b",
                        post(
                                orderApi + "/person-checks",
                                "{\"iin\": \"900101401238\", \"checkedAs\": \"PROTECTED_PERSON\", \"purpose\": \"Call-out 102\"}")));
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);

        // A record that is no event, keyed like an order: a contract violation, dead-lettered and parked.
        var kafka = new KafkaEndpoint("127.0.0.1:" + settings.kafkaPort(), Source.CHILD_PROCESS);
        try (var writer = EventTopicWriter.open(kafka)) {
            writer.sendRaw(
                    Topics.ORDERS_TOPIC,
                    UUID.randomUUID().toString(),
                    "not an event".getBytes(StandardCharsets.UTF_8),
                    Map.of());
        }

        // The police alert's notice and the verification once the trail holds the order.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> query("qorgau_notices_sent_total").series() > 0
                        && query("audit_entries_appended_total{type=\"unreadable\"}")
                                        .series()
                                > 0);
        // The duty unit acknowledges its alert through the link in the mail: the time-to-acknowledge panel.
        String mail = await().atMost(Duration.ofSeconds(60))
                .until(() -> ImapMailbox.mails(settings.imapPort(), DUTY_UNIT), mails -> !mails.isEmpty())
                .get(0);
        Matcher link = ACKNOWLEDGEMENT_LINK.matcher(mail);
        assertThat(link.find()).as("an acknowledgement link in " + mail).isTrue();
        HttpResponse<String> acknowledged = http(post(link.group(), ""));
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);

        // Served, then a violation whose urgent police notice nobody acknowledges: escalated to the supervisor
        // after ESCALATE_AFTER (QorgauUrgentNoticeEscalated).
        HttpResponse<String> served = http(
                as(tokens, "officer-a", post(orderApi + "/orders/" + orderId + "/service", "{\"method\": \"SIGNED\"}"))
                        .header("If-Match", issued.headers().firstValue("ETag").orElseThrow()));
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        HttpResponse<String> violation = http(as(
                        tokens,
                        "officer-a",
                        post(
                                orderApi + "/orders/" + orderId + "/violations",
                                "{\"source\": \"CALL_102\", \"breached\": [\"CONTACTING_VICTIM\"]}"))
                .header("If-Match", served.headers().firstValue("ETag").orElseThrow()));
        assertThat(violation.statusCode()).as(violation.body()).isEqualTo(201);

        HttpResponse<String> verified = http(
                as(tokens, "operator", get(launcher.service("audit-service").apiUrl() + "/audit/verify")));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(verified.body().replace(" ", "")).contains("\"intact\":true");
    }

    /** What Prometheus answered an instant query: how many series, or why it refused it. */
    private record Answer(int series, String error) {}

    private Answer query(String expr) throws IOException, InterruptedException {
        URI uri = prometheus.url().resolve("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        HttpResponse<String> response = http(get(uri.toString()));
        JsonNode answer = JSON.readTree(response.body());
        if (!"success".equals(answer.get("status").asString())) {
            return new Answer(
                    0, response.statusCode() + " " + answer.get("error").asString());
        }
        return new Answer(answer.get("data").get("result").size(), null);
    }

    private List<String> firingAlerts() throws IOException, InterruptedException {
        HttpResponse<String> response =
                http(get(prometheus.url().resolve("/api/v1/alerts").toString()));
        List<String> firing = new ArrayList<>();
        for (JsonNode alert : JSON.readTree(response.body()).get("data").get("alerts")) {
            if ("firing".equals(alert.get("state").asString())) {
                firing.add(alert.get("labels").get("alertname").asString());
            }
        }
        return firing;
    }
}
