package kz.qorgau.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.infrastructure.InfraEnvironment;
import kz.qorgau.infrastructure.Source;
import kz.qorgau.infrastructure.kafka.KafkaEndpoint;
import kz.qorgau.infrastructure.postgres.DatabaseProvisioner;
import kz.qorgau.infrastructure.postgres.PostgresDiscovery;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the local stack exactly as README.md says (./qorgau-local), sees every service healthy,
 * stops it as Ctrl-C would, starts it again on the same data folder and finds the first run's data.
 */
class LocalStackIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
    private static final String DUTY_UNIT = "duty.astana-esil@police.example.kz";
    private static final String VICTIM_IIN = "900101401238";
    private static final String VICTIM_PHONE = "+77011234567";
    private static final String ORDER =
            """
            {
              "offender": {"iin": "850703300127", "lastName": "Ахметов", "firstName": "Ерлан"},
              "victim": {
                "iin": "%s", "lastName": "Ахметова", "firstName": "Айгерим",
                "contacts": [{"channel": "SMS", "address": "%s", "preferredLanguage": "kk"}]
              },
              "prohibitions": ["CONTACTING_VICTIM", "VISITING_VICTIM"],
              "issuingOfficer": "officer-48213",
              "policeUnit": "AST-ESIL-UP-02",
              "district": "AST-ESIL"
            }
            """
                    .formatted(VICTIM_IIN, VICTIM_PHONE);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    private final Path root = Path.of(System.getProperty("qorgau.repository.root", ".."))
            .toAbsolutePath()
            .normalize();
    // Every port below 32768, out of Linux's ephemeral range, where clients' sockets could take it.
    private final int portOffset = 10_000 + 100 * ThreadLocalRandom.current().nextInt(30);
    // Databases and roles of its own, dropped afterwards: a developer's local stack keeps its data.
    private final String databasePrefix = "it" + portOffset + "_";
    private final LocalStackSettings settings = LocalStackSettings.from(InfraEnvironment.of(Map.of(
            LocalStackSettings.REPOSITORY_ROOT,
            root.toString(),
            LocalStackSettings.DATA_DIR,
            "unused",
            LocalStackSettings.PORT_OFFSET,
            Integer.toString(portOffset),
            LocalStackSettings.DATABASE_PREFIX,
            databasePrefix,
            LocalStackSettings.WITH_IDENTITY,
            "on")));
    private final List<Process> launched = new ArrayList<>();

    @AfterEach
    void stopWhateverIsLeftAndDropTheDatabases() {
        launched.forEach(process -> process.descendants().forEach(ProcessHandle::destroyForcibly));
        launched.forEach(Process::destroyForcibly);
        var databases = new DatabaseProvisioner(PostgresDiscovery.discover(InfraEnvironment.system(), () -> false));
        for (ServiceSpec service :
                settings.services().stream().filter(ServiceSpec::hasDatabase).toList()) {
            databases.drop(service.database());
            if (service.runtimeRole() != null) {
                databases.dropRole(service.runtimeRole());
            }
            databases.dropRole(service.database());
        }
    }

    /**
     * The README's walk-through as a test: an officer issues an order over HTTP; within seconds the
     * CloudEvent is on the topic (read with a plain consumer), the duty unit's e-mail is in the inbox
     * (read over IMAP) and the audit trail holds the entry with an intact chain. After a restart on
     * the same data folder the order, the event and the audit entry are all still there.
     */
    @Test
    void anOrderIssuedOverHttpReachesKafkaTheDutyUnitAndTheAuditTrailAndSurvivesARestart() throws Exception {
        Process first = launch("first");
        everyServiceIsHealthy();
        everyPersonaGetsAToken();

        HttpResponse<String> created = http(HttpRequest.newBuilder(URI.create(orderApi() + "/orders"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(ORDER, StandardCharsets.UTF_8)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = JSON.readTree(created.body());
        String orderId = order.get("id").asString();
        String orderNumber = order.get("orderNumber").asString();

        EventEnvelope<QorgauEvent> issued = await().atMost(EVENT_WAIT)
                .until(() -> eventsOf(orderId), events -> !events.isEmpty())
                .get(0);
        assertThat(issued.type()).isEqualTo(OrderIssued.TYPE);
        assertThat(issued.sequence()).isEqualTo(1);
        assertThat(issued.traceparent()).isNotBlank();

        String mail = await().atMost(EVENT_WAIT)
                .until(() -> inboxOf(DUTY_UNIT), mails -> !mails.isEmpty())
                .get(0);
        assertThat(mail).contains(orderNumber).doesNotContain(VICTIM_PHONE).doesNotContain(VICTIM_IIN);

        await().atMost(EVENT_WAIT)
                .until(() -> auditEntriesOf(orderId).contains(issued.id().toString()));
        assertThat(auditVerification()).contains("\"intact\":true");
        stop(first);

        Process second = launch("second");
        everyServiceIsHealthy();
        HttpResponse<String> readBack = http(HttpRequest.newBuilder(URI.create(orderApi() + "/orders/" + orderId)));
        assertThat(readBack.statusCode()).isEqualTo(200);
        assertThat(readBack.body()).contains(orderNumber);
        assertThat(eventsOf(orderId)).extracting(EventEnvelope::id).containsExactly(issued.id());
        assertThat(auditEntriesOf(orderId)).contains(issued.id().toString());
        assertThat(auditVerification()).contains("\"intact\":true");
        stop(second);
    }

    private Process launch(String run) throws IOException {
        Path output = dataDir.resolve(run + ".out");
        ProcessBuilder builder = new ProcessBuilder(root.resolve("qorgau-local").toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment()
                .put(LocalStackSettings.DATA_DIR, dataDir.resolve("stack").toString());
        builder.environment().put(LocalStackSettings.PORT_OFFSET, Integer.toString(portOffset));
        builder.environment().put(LocalStackSettings.DATABASE_PREFIX, databasePrefix);
        builder.environment().put(LocalStackSettings.WITH_IDENTITY, "on");
        Process process = builder.start();
        launched.add(process);
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    String printed = read(output);
                    if (!process.isAlive() && !printed.contains(QorgauLocal.READY_LINE)) {
                        throw new AssertionError("./qorgau-local exited with " + process.exitValue() + ":\n" + printed);
                    }
                    return printed.contains(QorgauLocal.READY_LINE);
                });
        System.out.println(read(output));
        return process;
    }

    private void everyServiceIsHealthy() throws Exception {
        for (ServiceSpec service : settings.services()) {
            HttpResponse<String> health = http(HttpRequest.newBuilder(URI.create(service.healthUrl())));
            assertThat(health.statusCode()).as(service.name() + " health").isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        }
    }

    /** The token lines the launcher prints work, for every demo persona. */
    private void everyPersonaGetsAToken() throws Exception {
        String issuer =
                "http://127.0.0.1:" + service(LocalStack.IDENTITY_SERVER).port();
        for (DemoPersona persona : DemoPersona.ALL) {
            String basic = Base64.getEncoder()
                    .encodeToString((persona.clientId() + ":" + persona.secret()).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> token = http(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
            assertThat(token.statusCode()).as(persona.clientId() + " token").isEqualTo(200);
            assertThat(JSON.readTree(token.body()).get("access_token").asString())
                    .isNotBlank();
        }
    }

    /** Ctrl-C: the launcher stops every service and the broker, then exits. */
    private void stop(Process launcher) throws InterruptedException {
        List<ProcessHandle> children = launcher.descendants().toList();
        assertThat(children).as("services and broker run as child processes").hasSizeGreaterThanOrEqualTo(4);
        launcher.destroy();
        assertThat(launcher.waitFor(90, TimeUnit.SECONDS))
                .as("launcher stopped")
                .isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
    }

    private String orderApi() {
        return service("order-service").apiUrl();
    }

    private ServiceSpec service(String name) {
        return settings.services().stream()
                .filter(spec -> spec.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static HttpResponse<String> http(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The order's events on qorgau.orders, read from the beginning with a plain consumer. */
    private List<EventEnvelope<QorgauEvent>> eventsOf(String orderId) {
        var kafka = new KafkaEndpoint("127.0.0.1:" + settings.kafkaPort(), Source.CHILD_PROCESS);
        try (var reader = EventTopicReader.open(kafka, Topics.ORDERS_TOPIC)) {
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
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", settings.imapPort(), recipient, "any-password");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                mails.add(message.getSubject() + "\n" + text(message.getContent()));
            }
            inbox.close(false);
            return mails;
        } finally {
            store.close();
        }
    }

    private static String text(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int part = 0; part < multipart.getCount(); part++) {
                text.append(text(multipart.getBodyPart(part).getContent())).append('\n');
            }
            return text.toString();
        }
        return String.valueOf(content);
    }

    private String auditEntriesOf(String orderId) throws Exception {
        return http(HttpRequest.newBuilder(
                        URI.create(service("audit-service").apiUrl() + "/audit/entries?subject=" + orderId)))
                .body();
    }

    private String auditVerification() throws Exception {
        HttpResponse<String> verification =
                http(HttpRequest.newBuilder(URI.create(service("audit-service").apiUrl() + "/audit/verify")));
        assertThat(verification.statusCode()).isEqualTo(200);
        return verification.body().replace(" ", "");
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
