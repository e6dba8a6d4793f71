package kz.qorgau.localstack;

import static kz.qorgau.localstack.LocalStackLauncher.as;
import static kz.qorgau.localstack.LocalStackLauncher.get;
import static kz.qorgau.localstack.LocalStackLauncher.http;
import static kz.qorgau.localstack.LocalStackLauncher.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.qorgau.events.AccessKind;
import kz.qorgau.events.AccessRecorded;
import kz.qorgau.events.ArrestEnded;
import kz.qorgau.events.ArrestStarted;
import kz.qorgau.events.ComplianceCheckRecorded;
import kz.qorgau.events.NotificationSent;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.OrderServed;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.RegisterEntered;
import kz.qorgau.events.ViolationConfirmed;
import kz.qorgau.events.ViolationReported;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.infrastructure.Source;
import kz.qorgau.infrastructure.kafka.KafkaEndpoint;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the local stack exactly as README.md says (./qorgau-local), token issuer included, sees every
 * service healthy, follows the README's walk-through with the demo personas' tokens, stops it as Ctrl-C
 * would, starts it again on the same data folder and finds the first run's data; then reads every log
 * for personal data.
 */
class LocalStackIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
    private static final String DUTY_UNIT = LocalStackLauncher.WALK_THROUGH_DUTY_UNIT;
    private static final String DISTRICT = "ALM-BOSTANDYK";
    private static final String OFFENDER_IIN = "850703300127";
    private static final String VICTIM_IIN = "900101401238";
    private static final String VICTIM_PHONE = "+77011234567";
    private static final String VICTIM_EMAIL = "aigerim@example.kz";
    private static final String PURPOSE = "Calling the victim after a reported violation";
    /**
     * Every piece of personal data in the walk-through's order, by what it is: none may appear in any
     * log. The phone also without '+', as a log might write it.
     */
    private static final Map<String, String> PERSONAL_DATA = Map.ofEntries(
            Map.entry(OFFENDER_IIN, "the offender's IIN"),
            Map.entry(VICTIM_IIN, "the victim's IIN"),
            Map.entry(VICTIM_PHONE, "the victim's phone"),
            Map.entry(VICTIM_PHONE.substring(1), "the victim's phone without '+'"),
            Map.entry(VICTIM_EMAIL, "the victim's e-mail"),
            Map.entry("Ахметова", "the victim's last name"),
            Map.entry("Айгерим", "the victim's first name"),
            Map.entry("Ахметов", "the offender's last name"),
            Map.entry("Ерлан", "the offender's first name"),
            Map.entry("Серикович", "the offender's patronymic"));

    // Kept when the test fails, for the logs the failure names.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    private final Path root = Path.of(System.getProperty("qorgau.repository.root", ".."))
            .toAbsolutePath()
            .normalize();
    private final LocalStackLauncher launcher = new LocalStackLauncher(root);
    private final LocalStackSettings settings = launcher.settings();

    @AfterEach
    void stopWhateverIsLeftAndDropTheDatabases() {
        launcher.stopWhateverIsLeftAndDropTheDatabases();
    }

    /**
     * The README's walk-through as a test, with the README's own order: without a token the API
     * answers 401; officer-a issues the order in their district and reads it back, officer-b of another
     * district gets 404; within seconds the CloudEvent is on the topic (read with a plain consumer) and
     * the duty unit's e-mail in the inbox (read over IMAP); supervisor-a reads the victim's contacts,
     * stating why; officer-b checks the person and breaks the glass, supervisor-a reviews it; the victim's phone
     * enters the code it received, is told of the service in Kazakh, and its HELP reaches the duty unit; the
     * auditor finds the order and the contacts read in the audit trail, the operator an intact chain.
     * After a restart on the same data folder the order, the event and the audit entries are all still
     * there, and a token from before the restart still works. Last, no service's log holds any of the
     * order's personal data.
     */
    @Test
    void anOrderIssuedOverHttpReachesKafkaTheDutyUnitAndTheAuditTrailAndSurvivesARestart() throws Exception {
        String order = walkThroughOrder();
        // The personal data the log scan looks for are those the order really carries.
        assertThat(order).contains(DISTRICT).contains(PERSONAL_DATA.keySet());

        Process first = launch("first");
        everyServiceIsHealthy();
        Map<String, String> tokens = everyPersonaGetsAToken();

        HttpResponse<String> anonymous = http(issue(order));
        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
        // Swagger UI loads in a browser without a token and signs people in at the launched issuer.
        String swaggerUi = orderApi().replace("/api/v1", "/swagger-ui/index.html");
        assertThat(http(get(swaggerUi)).statusCode()).isEqualTo(200);
        assertThat(http(get(orderApi().replace("/api/v1", "/v3/api-docs"))).body())
                .contains("/.well-known/openid-configuration");

        HttpResponse<String> created = http(as(tokens, "officer-a", issue(order)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode issuedOrder = JSON.readTree(created.body());
        String orderId = issuedOrder.get("id").asString();
        String orderNumber = issuedOrder.get("orderNumber").asString();

        HttpResponse<String> readBack = http(as(tokens, "officer-a", get(orderApi() + "/orders/" + orderId)));
        assertThat(readBack.statusCode()).as(readBack.body()).isEqualTo(200);
        assertThat(readBack.body()).contains(orderNumber);
        HttpResponse<String> otherDistrict = http(as(tokens, "officer-b", get(orderApi() + "/orders/" + orderId)));
        assertThat(otherDistrict.statusCode()).as("officer-b, another district").isEqualTo(404);

        EventEnvelope<QorgauEvent> issued = await().atMost(EVENT_WAIT)
                .until(() -> eventsOf(orderId), events -> !events.isEmpty())
                .get(0);
        assertThat(issued.type()).isEqualTo(OrderIssued.TYPE);
        assertThat(issued.sequence()).isEqualTo(1);
        assertThat(issued.traceparent()).isNotBlank();

        String mail = await().atMost(EVENT_WAIT)
                .until(() -> inboxOf(DUTY_UNIT), mails -> !mails.isEmpty())
                .get(0);
        assertThat(mail).contains(orderNumber);
        PERSONAL_DATA.keySet().forEach(personal -> assertThat(mail).doesNotContain(personal));
        // One trace for the change (docs/adr/0033): notification-service's outcome continues the issue's trace,
        // across the relay, Kafka, the consumer and the notice's delivery.
        EventEnvelope<QorgauEvent> sent = await().atMost(EVENT_WAIT)
                .until(
                        () -> eventsOf(Topics.NOTIFICATIONS_TOPIC, orderId).stream()
                                .filter(event -> NotificationSent.TYPE.equals(event.type()))
                                .toList(),
                        events -> !events.isEmpty())
                .get(0);
        assertThat(sent.traceparent().substring(0, 36))
                .isEqualTo(issued.traceparent().substring(0, 36));

        HttpResponse<String> withoutPurpose =
                http(as(tokens, "supervisor-a", get(orderApi() + "/orders/" + orderId + "/victim-contacts")));
        assertThat(withoutPurpose.statusCode()).as(withoutPurpose.body()).isEqualTo(400);
        HttpResponse<String> contacts =
                http(as(tokens, "supervisor-a", get(orderApi() + "/orders/" + orderId + "/victim-contacts"))
                        .header("Qorgau-Purpose", PURPOSE));
        assertThat(contacts.statusCode()).as(contacts.body()).isEqualTo(200);
        assertThat(contacts.body()).contains(VICTIM_PHONE, VICTIM_EMAIL);

        HttpResponse<String> personCheck = http(
                as(
                        tokens,
                        "officer-b",
                        post(
                                orderApi() + "/person-checks",
                                "{\"iin\": \"" + VICTIM_IIN
                                        + "\", \"checkedAs\": \"PROTECTED_PERSON\", \"purpose\": \"Call-out 102-2026-004517\"}")));
        assertThat(personCheck.statusCode()).as(personCheck.body()).isEqualTo(200);
        assertThat(JSON.readTree(personCheck.body()).get("protectedPerson").asBoolean())
                .isTrue();

        HttpResponse<String> grant = http(as(
                tokens,
                "officer-b",
                post(
                        orderApi() + "/break-glass-grants",
                        "{\"district\": \"" + DISTRICT
                                + "\", \"reason\": \"Call-out to a reported assault in Almaty\"}")));
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(201);
        String grantId = JSON.readTree(grant.body()).get("id").asString();
        HttpResponse<String> brokenGlass = http(as(tokens, "officer-b", get(orderApi() + "/orders/" + orderId)));
        assertThat(brokenGlass.statusCode())
                .as("officer-b under a break-glass grant")
                .isEqualTo(200);
        HttpResponse<String> pending = http(as(tokens, "supervisor-a", get(orderApi() + "/break-glass-grants")));
        assertThat(pending.body()).contains(grantId);
        HttpResponse<String> reviewed = http(as(
                tokens,
                "supervisor-a",
                post(orderApi() + "/break-glass-grants/" + grantId + "/review", "{\"outcome\": \"JUSTIFIED\"}")));
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);

        victimEntersTheCode();

        // README's order's life: served, checked, a violation confirmed, the arrest started and ended,
        // each change naming the order's ETag; an officer may not confirm.
        String etag = readBack.headers().firstValue("ETag").orElseThrow();
        etag = change(tokens, "officer-a", "/orders/" + orderId + "/service", "{\"method\": \"SIGNED\"}", etag, 200);
        // The victim's phone, verified, is told in Kazakh (README).
        await().atMost(EVENT_WAIT).until(() -> smsTo(VICTIM_PHONE), texts -> texts.stream()
                .anyMatch(text -> text.contains(orderNumber) && text.contains("тапсырылды")));
        HttpResponse<String> stale = http(as(
                        tokens,
                        "officer-a",
                        post(orderApi() + "/orders/" + orderId + "/service", "{\"method\": \"SIGNED\"}"))
                .header("If-Match", "\"v1\""));
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        // README's offender's document: printed, its code read off the page and verified without a token.
        HttpResponse<byte[]> document = HTTP.send(
                as(
                                tokens,
                                "officer-a",
                                HttpRequest.newBuilder(URI.create(orderApi() + "/orders/" + orderId + "/documents")))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(document.statusCode()).isEqualTo(201);
        String code;
        try (PDDocument pdf = Loader.loadPDF(document.body())) {
            Matcher printed =
                    Pattern.compile("([A-Z2-7]{4}-){5}[A-Z2-7]{4}").matcher(new PDFTextStripper().getText(pdf));
            assertThat(printed.find()).as("a verification code on the page").isTrue();
            code = printed.group();
        }
        HttpResponse<String> verified =
                http(post(orderApi() + "/document-verifications", "{\"code\": \"" + code + "\"}"));
        assertThat(verified.body()).isEqualTo("{\"genuine\":true,\"inForce\":true}");
        etag = change(
                tokens,
                "officer-a",
                "/orders/" + orderId + "/checks",
                "{\"method\": \"VISIT\", \"place\": \"OFFENDER_HOME\"}",
                etag,
                201);
        HttpResponse<String> violation = http(as(
                        tokens,
                        "officer-a",
                        post(
                                orderApi() + "/orders/" + orderId + "/violations",
                                "{\"source\": \"CALL_102\", \"breached\": [\"CONTACTING_VICTIM\"]}"))
                .header("If-Match", etag));
        assertThat(violation.statusCode()).as(violation.body()).isEqualTo(201);
        etag = violation.headers().firstValue("ETag").orElseThrow();
        String violationPath = "/orders/" + orderId + "/violations/"
                + JSON.readTree(violation.body()).get("id").asString();
        String confirmation = "{\"caseNumber\": \"ALM-461-2026-0042\"}";
        HttpResponse<String> byAnOfficer =
                http(as(tokens, "officer-a", post(orderApi() + violationPath + "/confirmation", confirmation))
                        .header("If-Match", etag));
        assertThat(byAnOfficer.statusCode()).as(byAnOfficer.body()).isEqualTo(403);
        etag = change(tokens, "supervisor-a", violationPath + "/confirmation", confirmation, etag, 200);
        etag = change(tokens, "supervisor-a", violationPath + "/arrest", "{}", etag, 200);
        change(tokens, "supervisor-a", violationPath + "/arrest-end", "{}", etag, 200);
        List<EventEnvelope<QorgauEvent>> life =
                await().atMost(EVENT_WAIT).until(() -> eventsOf(orderId), events -> events.size() >= 8);
        assertThat(life)
                .extracting(EventEnvelope::type)
                .containsExactly(
                        OrderIssued.TYPE,
                        OrderServed.TYPE,
                        // Served, the offender enters the preventive register (docs/domain.md).
                        RegisterEntered.TYPE,
                        ComplianceCheckRecorded.TYPE,
                        ViolationReported.TYPE,
                        ViolationConfirmed.TYPE,
                        ArrestStarted.TYPE,
                        ArrestEnded.TYPE);
        // In the order's sequence; the access events about the order (the contacts and break-glass reads,
        // on qorgau.access) take their numbers from the same sequence.
        assertThat(life)
                .extracting(EventEnvelope::sequence)
                .doesNotHaveDuplicates()
                .isSorted()
                .startsWith(1L);

        // The issue, the contacts read and the break-glass read all concern the order: its subject.
        List<JsonNode> entries = await().atMost(EVENT_WAIT)
                .until(
                        () -> launcher.auditEntriesOf(orderId, tokens),
                        found -> found.stream().anyMatch(entry -> isEvent(entry, issued))
                                && found.stream().anyMatch(LocalStackIT::isContactsRead));
        assertThat(entries)
                .filteredOn(entry -> isEvent(entry, issued))
                .singleElement()
                .satisfies(entry -> assertThat(entry.get("type").asString()).isEqualTo(OrderIssued.TYPE));
        // The access event says who read what and why, never the data read.
        assertThat(entries)
                .filteredOn(LocalStackIT::isContactsRead)
                .singleElement()
                .satisfies(entry -> assertThat(payload(entry))
                        .contains(PURPOSE, "demo-supervisor-a")
                        .doesNotContain(VICTIM_PHONE.substring(1), VICTIM_EMAIL));
        assertThat(auditVerification(tokens)).contains("\"intact\":true");
        victimAsksForHelp();
        stop(first);
        // A clean stop leaves each service's class-data sharing archive (docs/adr/0042) ...
        for (ServiceSpec service : settings.services()) {
            assertThat(dataDir.resolve("stack/classes").resolve(service.name()).resolve("classes.jsa"))
                    .as(service.name() + "'s archive")
                    .isNotEmptyFile();
        }

        // ... and the next start maps it: with -Xshare:on a JVM that cannot use its archive does not start.
        Process second = launcher.launch(dataDir, "second", Map.of(LocalStackSettings.JVM_OPTIONS, "-Xshare:on"));
        everyServiceIsHealthy();
        // The issuer keeps its signing key in the data folder, so a token outlives a restart.
        HttpResponse<String> afterRestart = http(as(tokens, "officer-a", get(orderApi() + "/orders/" + orderId)));
        assertThat(afterRestart.statusCode()).as(afterRestart.body()).isEqualTo(200);
        assertThat(afterRestart.body()).contains(orderNumber);
        assertThat(eventsOf(orderId))
                .extracting(EventEnvelope::id)
                .containsExactlyElementsOf(life.stream().map(EventEnvelope::id).toList());
        Map<String, String> freshTokens = everyPersonaGetsAToken();
        assertThat(launcher.auditEntriesOf(orderId, freshTokens))
                .extracting(entry -> entry.get("eventId").asString())
                .contains(issued.id().toString());
        assertThat(auditVerification(freshTokens)).contains("\"intact\":true");
        stop(second);

        noLogHoldsPersonalData();
    }

    /** README's victim walk-through (docs/adr/0030): the code the SMS simulator received, entered on the page it links to. */
    private void victimEntersTheCode() throws Exception {
        String codeSms = await()
                .atMost(EVENT_WAIT)
                .until(() -> smsTo(VICTIM_PHONE), texts -> texts.stream().anyMatch(text -> text.contains("/v/")))
                .stream()
                .filter(text -> text.contains("/v/"))
                .findFirst()
                .orElseThrow();
        Matcher link = Pattern.compile("/v/\\S+").matcher(codeSms);
        Matcher code = Pattern.compile("\\b\\d{6}\\b").matcher(codeSms);
        assertThat(link.find() && code.find()).as(codeSms).isTrue();
        HttpResponse<String> verified = http(HttpRequest.newBuilder(URI.create(notifications() + link.group()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("code=" + code.group())));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    }

    /**
     * README's victim answers HELP through the signed inbound webhook (docs/adr/0036): the victim is told to call 102
     * and the duty unit gets the urgent notice; the same message again is a replay.
     */
    private void victimAsksForHelp() throws Exception {
        String notifications = notifications();
        String help = "{\"id\": \"walk-through-1\", \"from\": \"" + VICTIM_PHONE + "\", \"text\": \"КӨМЕК\"}";
        long timestamp = System.currentTimeMillis() / 1000;
        HttpResponse<String> taken = http(inboundSms(notifications, help, timestamp));
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(202);
        assertThat(taken.body()).contains("\"taken\":true");
        assertThat(http(inboundSms(notifications, help, timestamp)).statusCode())
                .as("the same message again")
                .isEqualTo(409);
        await().atMost(EVENT_WAIT)
                .until(() -> smsTo(VICTIM_PHONE), texts -> texts.stream().anyMatch(text -> text.contains("102")));
        await().atMost(EVENT_WAIT).until(() -> inboxOf(DUTY_UNIT), mails -> mails.stream()
                .anyMatch(mail -> mail.contains("Жәбірленуші көмек сұрады")));
    }

    private String notifications() {
        return launcher.service("notification-service").apiUrl().replace("/api/v1", "");
    }

    /** An inbound SMS as the gateway posts it, signed with the local stack's public demo secret (README). */
    private static HttpRequest.Builder inboundSms(String notifications, String body, long timestamp) throws Exception {
        javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
        hmac.init(new javax.crypto.spec.SecretKeySpec(
                "qorgau-local-demo-inbound-sms-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = java.util.HexFormat.of()
                .formatHex(hmac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return post(notifications + "/api/v1/sms/inbound", body)
                .header("X-Qorgau-Timestamp", Long.toString(timestamp))
                .header("X-Qorgau-Signature", "sha256=" + signature);
    }

    /** The texts the SMS gateway simulator received for {@code phone}, newest first, as README's SMS() reads them. */
    private List<String> smsTo(String phone) throws Exception {
        HttpResponse<String> journal = http(get("http://127.0.0.1:" + settings.smsGatewayPort() + "/__admin/requests"));
        List<String> texts = new ArrayList<>();
        for (JsonNode request : JSON.readTree(journal.body()).get("requests")) {
            JsonNode message = JSON.readTree(request.get("request").get("body").asString());
            if (phone.equals(message.get("to").asString())) {
                texts.add(message.get("text").asString());
            }
        }
        return texts;
    }

    /** A change of README's order's life: answers {@code status} and the order's next ETag. */
    private String change(Map<String, String> tokens, String persona, String path, String body, String etag, int status)
            throws Exception {
        HttpResponse<String> changed =
                http(as(tokens, persona, post(orderApi() + path, body)).header("If-Match", etag));
        assertThat(changed.statusCode()).as(path + ": " + changed.body()).isEqualTo(status);
        String next = changed.headers().firstValue("ETag").orElseThrow();
        assertThat(next).as(path + " raises the ETag").isNotEqualTo(etag);
        return next;
    }

    private Process launch(String run) throws IOException {
        return launcher.launch(dataDir, run, Map.of());
    }

    private void everyServiceIsHealthy() throws Exception {
        launcher.everyServiceIsHealthy();
    }

    private Map<String, String> everyPersonaGetsAToken() throws Exception {
        return launcher.everyPersonaGetsAToken();
    }

    private String walkThroughOrder() throws IOException {
        return LocalStackLauncher.walkThroughOrder(root);
    }

    /**
     * Every log the stacks wrote, both runs: each service's, the broker's and the launcher's own
     * output. None may hold any of the order's personal data. Each must exist and have lines (a service
     * log, the start of both runs), so that the scan cannot pass on missing or empty files.
     */
    private void noLogHoldsPersonalData() throws IOException {
        Path stack = dataDir.resolve("stack");
        Set<Path> logs = new LinkedHashSet<>();
        for (ServiceSpec service : settings.services()) {
            Path log = stack.resolve("logs").resolve(service.name() + ".log");
            assertThat(log).as(service.name() + " log").isRegularFile();
            assertThat(Files.readString(log, StandardCharsets.UTF_8).split("\n"))
                    .as(service.name() + " log: the start line of both runs")
                    .filteredOn(line -> line.contains(" Started "))
                    .hasSizeGreaterThanOrEqualTo(2);
            logs.add(log);
        }
        try (Stream<Path> others = Files.list(stack.resolve("logs"))) {
            others.filter(Files::isRegularFile).forEach(logs::add);
        }
        logs.add(stack.resolve("kafka").resolve("broker.log"));
        logs.add(dataDir.resolve("first.out"));
        logs.add(dataDir.resolve("second.out"));

        List<String> hits = new ArrayList<>();
        long scanned = 0;
        for (Path log : logs) {
            assertThat(log).isRegularFile();
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            assertThat(lines).as(log + " has lines").isNotEmpty();
            scanned += lines.size();
            for (int line = 0; line < lines.size(); line++) {
                for (var personal : PERSONAL_DATA.entrySet()) {
                    if (lines.get(line).contains(personal.getKey())) {
                        // Where, and what kind of data: never the line itself.
                        hits.add(log + ":" + (line + 1) + " holds " + personal.getValue());
                    }
                }
            }
        }
        System.out.printf("Scanned %d lines of %d logs for personal data%n", scanned, logs.size());
        assertThat(hits).as("personal data in the logs").isEmpty();
    }

    /** Ctrl-C: the launcher stops every service and the broker, then exits. */
    private void stop(Process launched) throws InterruptedException {
        launcher.stop(launched);
    }

    private String orderApi() {
        return launcher.service("order-service").apiUrl();
    }

    private HttpRequest.Builder issue(String order) {
        return post(orderApi() + "/orders", order)
                .header("Idempotency-Key", UUID.randomUUID().toString());
    }

    /** The order's events on qorgau.orders, read from the beginning with a plain consumer. */
    private List<EventEnvelope<QorgauEvent>> eventsOf(String orderId) {
        return eventsOf(Topics.ORDERS_TOPIC, orderId);
    }

    private List<EventEnvelope<QorgauEvent>> eventsOf(String topic, String orderId) {
        var kafka = new KafkaEndpoint("127.0.0.1:" + settings.kafkaPort(), Source.CHILD_PROCESS);
        try (var reader = EventTopicReader.open(kafka, topic)) {
            reader.awaitRawRecords(1, EVENT_WAIT);
            // A little longer, so that a second copy of the event (a double publish) would show.
            return reader.drain(Duration.ofSeconds(2)).stream()
                    .filter(record -> orderId.equals(record.key()))
                    .map(EventTopicReader::decode)
                    .toList();
        }
    }

    /** Subject and body of every message in the recipient's inbox, read over IMAP as a mail client would. */
    private List<String> inboxOf(String recipient) throws Exception {
        return ImapMailbox.mails(settings.imapPort(), recipient);
    }

    private static boolean isEvent(JsonNode entry, EventEnvelope<QorgauEvent> event) {
        return entry.get("eventId").asString().equals(event.id().toString());
    }

    private static boolean isContactsRead(JsonNode entry) {
        return entry.get("type").asString().equals(AccessRecorded.TYPE)
                && payload(entry).contains(AccessKind.VICTIM_CONTACTS_READ.name());
    }

    /** The event's data as the audit trail keeps them. */
    private static String payload(JsonNode entry) {
        return new String(Base64.getDecoder().decode(entry.get("payload").asString()), StandardCharsets.UTF_8);
    }

    /** The chain check, as the operator runs it. */
    private String auditVerification(Map<String, String> tokens) throws Exception {
        HttpResponse<String> verification = http(
                as(tokens, "operator", get(launcher.service("audit-service").apiUrl() + "/audit/verify")));
        assertThat(verification.statusCode()).as(verification.body()).isEqualTo(200);
        return verification.body().replace(" ", "");
    }
}
