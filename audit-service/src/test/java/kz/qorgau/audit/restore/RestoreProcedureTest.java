package kz.qorgau.audit.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kz.qorgau.audit.AuditServiceApplication;
import kz.qorgau.audit.CatalogueTopics;
import kz.qorgau.audit.ExampleEvents;
import kz.qorgau.audit.access.AuditApi;
import kz.qorgau.audit.checkpoint.CheckpointTopic;
import kz.qorgau.audit.checkpoint.TopicReader;
import kz.qorgau.audit.entry.AuditLog;
import kz.qorgau.audit.writer.WriterLeadership;
import kz.qorgau.auditlog.Checkpoint;
import kz.qorgau.auditlog.NoteVerifier;
import kz.qorgau.auditverifier.LogVerification;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.infrastructure.postgres.TestDatabase;
import kz.qorgau.testsupport.SharedInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.instances.ServiceInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/runbooks/audit-restore.md, step by step, on the real broker and database (docs/adr/0032): back the
 * audit database up with pg_dump, append more, lose the database, restore the backup, start the service as
 * the runbook says; the trail is then consistent with every published checkpoint and appends again. A
 * backup with one payload changed is refused: the writer holds its lock and appends nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreProcedureTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final JsonMapper JSON = JsonMapper.builder().build();

    TestInfrastructure infrastructure;
    final List<TestDatabase> restored = new ArrayList<>();

    @BeforeAll
    void createInfrastructure() {
        infrastructure = TestInfrastructure.create(getClass().getSimpleName(), false);
        CatalogueTopics.create(infrastructure.kafka(), infrastructure.namespace());
    }

    @AfterAll
    void removeInfrastructure() {
        restored.forEach(database -> SharedInfrastructure.databases().drop(database.name()));
        infrastructure.close();
    }

    @Test
    void aRestoredBackupIsBroughtBackConsistentWithEveryCheckpointAndATamperedOneIsRefused(@TempDir Path directory)
            throws Exception {
        Path backup = directory.resolve("qorgau_audit.dump");
        long backedUp;
        long lost;
        try (ServiceInstances running = start(infrastructure.database())) {
            JdbcClient jdbc = running.get(0).context().getBean(JdbcClient.class);
            sendOrder(UUID.randomUUID().toString(), 3);
            backedUp = awaitPublished(jdbc, 3);

            // Step 1 (the nightly backup): pg_dump of the audit database.
            run(infrastructure.database(), "pg_dump", "--format=custom", "--file=" + backup);

            // After the backup, more is appended, checkpointed and published.
            sendOrder(UUID.randomUUID().toString(), 3);
            lost = awaitPublished(jdbc, backedUp + 3);
        }
        // The database is lost. Step 2: every instance is stopped (above). Step 3: the backup is restored into a
        // fresh database.
        TestDatabase fresh = SharedInfrastructure.databases().createFreshDatabase("qt_restored");
        restored.add(fresh);
        run(fresh, "pg_restore", "--no-owner", "--no-privileges", "--dbname=" + fresh.name(), backup.toString());
        assertThat(head(fresh)).isEqualTo(backedUp);

        // Step 4: one instance starts with verify-on-start; it checks, brings back, holds to every checkpoint.
        try (ServiceInstances service = start(fresh)) {
            WriterLeadership writer = service.get(0).context().getBean(WriterLeadership.class);
            await().atMost(PATIENCE).until(writer::isWriter);
            assertThat(writer.isRefused()).isFalse();
            assertThat(head(fresh)).isEqualTo(lost);

            // Step 5: the offline verifier, the export against every checkpoint ever published.
            List<String> notes = TopicReader.values(
                    infrastructure.kafka().bootstrapServers(),
                    Topics.inNamespace(infrastructure.namespace(), CheckpointTopic.NAME),
                    Duration.ofSeconds(30));
            AuditApi api = new AuditApi(service.get(0).port());
            String token = infrastructure.identity().token(Persona.AUDITOR);
            NoteVerifier key = NoteVerifier.parse(AuditApi.json(api.get("/api/v1/audit/checkpoints/signing-key", token))
                    .get("verifierKey")
                    .asString());
            long largest = notes.stream()
                    .mapToLong(note -> Checkpoint.verified(note, List.of(key)).size())
                    .max()
                    .orElseThrow();
            assertThat(largest).isEqualTo(lost);
            LogVerification.Result offline = LogVerification.verify(
                    api.get("/api/v1/audit/export?treeSize=" + largest, token)
                            .body()
                            .lines()
                            .iterator(),
                    notes,
                    List.of(key));
            assertThat(offline.verified()).as(offline.toString()).isTrue();
            assertThat(AuditApi.json(api.get("/api/v1/audit/verify", token))
                            .get("intact")
                            .asBoolean())
                    .isTrue();

            // And it appends again, after what was brought back, each record once.
            sendOrder(UUID.randomUUID().toString(), 1);
            await().atMost(PATIENCE).until(() -> head(fresh) == lost + 1);
        }

        // A backup with one entry's payload changed in the dump itself: refused, nothing appended.
        TestDatabase tampered = SharedInfrastructure.databases().createFreshDatabase("qt_tampered");
        restored.add(tampered);
        Path script = directory.resolve("qorgau_audit.sql");
        run(
                infrastructure.database(),
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--file=" + script,
                backup.toString());
        Files.writeString(script, changeOnePayload(Files.readString(script, StandardCharsets.UTF_8)));
        run(tampered, "psql", "--quiet", "--set=ON_ERROR_STOP=1", "--file=" + script);
        try (ServiceInstances service = start(tampered)) {
            WriterLeadership writer = service.get(0).context().getBean(WriterLeadership.class);
            await().atMost(PATIENCE).until(writer::isRefused);
            assertThat(writer.isWriter()).isFalse();
            assertThat(service.get(0)
                            .context()
                            .getBean(io.micrometer.core.instrument.MeterRegistry.class)
                            .get("audit.writer.refused")
                            .gauge()
                            .value())
                    .isEqualTo(1.0);
            assertThat(head(tampered)).isEqualTo(backedUp);
        }
    }

    /** The restored service, as the runbook starts it: verify-on-start. */
    private ServiceInstances start(TestDatabase database) {
        Map<String, Object> settings = new LinkedHashMap<>(infrastructure.springProperties());
        settings.put("spring.datasource.url", database.jdbcUrl());
        settings.put("spring.datasource.username", database.user());
        settings.put("spring.datasource.password", database.password());
        settings.put("server.port", 0);
        settings.put("management.server.port", 0);
        settings.put("qorgau.audit.checkpoint.size", 1);
        settings.put("qorgau.audit.checkpoint.interval", "1h");
        settings.put("qorgau.audit.restore.mirror-interval", "200ms");
        settings.put("qorgau.audit.restore.verify-on-start", true);
        return ServiceInstances.start(AuditServiceApplication.class, 1, settings);
    }

    /** Waits until {@code size} entries are appended, copied to the log topic and checkpointed on its topic. */
    private long awaitPublished(JdbcClient jdbc, long size) {
        String checkpoints = Topics.inNamespace(infrastructure.namespace(), CheckpointTopic.NAME);
        await().atMost(PATIENCE).until(() -> AuditLog.head(jdbc).size() == size);
        await().atMost(PATIENCE)
                .until(() ->
                        TopicReader.values(
                                        infrastructure.kafka().bootstrapServers(), checkpoints, Duration.ofSeconds(30))
                                .stream()
                                .anyMatch(note -> Long.parseLong(note.split("\n")[1]) == size));
        return size;
    }

    private long head(TestDatabase database) {
        return JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                        database.jdbcUrl(), database.user(), database.password()))
                .sql("SELECT coalesce(max(sequence), 0) FROM audit_entry")
                .query(Long.class)
                .single();
    }

    /** One hex digit of the first entry's payload changed, in the COPY data of audit_entry. */
    static String changeOnePayload(String dump) {
        String[] lines = dump.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("COPY public.audit_entry ")) {
                String columns = lines[i].substring(lines[i].indexOf('(') + 1, lines[i].indexOf(')'));
                int payload = Arrays.asList(columns.split(", ")).indexOf("payload");
                String[] fields = lines[i + 1].split("\t", -1);
                char[] value = fields[payload].toCharArray();
                int digit = "\\\\x".length() + 4;
                value[digit] = value[digit] == '0' ? '1' : '0';
                fields[payload] = new String(value);
                lines[i + 1] = String.join("\t", fields);
                return String.join("\n", lines);
            }
        }
        throw new AssertionError("no COPY of audit_entry in the dump");
    }

    /** A PostgreSQL client program as a child process, as an operator runs it. */
    private static void run(TestDatabase database, String program, String... arguments)
            throws IOException, InterruptedException {
        URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(
                program, "--host=" + server.getHost(), "--port=" + server.getPort(), "--username=" + database.user()));
        if (!program.equals("pg_restore") || Arrays.stream(arguments).noneMatch(a -> a.startsWith("--file="))) {
            if (Arrays.stream(arguments).noneMatch(a -> a.startsWith("--dbname="))) {
                command.add("--dbname=" + database.name());
            }
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", database.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", program, output).isZero();
    }

    private void sendOrder(String orderId, int count) {
        ExampleEvents.sendOrder(infrastructure, orderId, count);
    }
}
