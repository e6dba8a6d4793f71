package kz.qorgau.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import kz.qorgau.auditlog.NoteSigner;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.infrastructure.PortAllocator;
import kz.qorgau.infrastructure.postgres.TestDatabase;
import kz.qorgau.infrastructure.process.JavaServiceProcess;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.identity.TestIdentity;
import kz.qorgau.testsupport.instances.ChildService;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * kill -9 in the middle of a stream: the packaged service runs as its own process, as in production
 * (restricted runtime role, migrations as the owner), and is killed while it appends a stream of
 * events, then started again. The trail ends with every event exactly once, numbered 1..N without a
 * gap, and verifies.
 */
class AuditKillIT {

    /** The key-encryption key of both starts: the subject keys the first wrapped, the second unwraps. */
    static final String KEY_ENCRYPTION_KEY = newKey();

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static final Logger log = LoggerFactory.getLogger(AuditKillIT.class);
    private static final int EVENTS = 300;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    TestInfrastructure infrastructure;
    RuntimeRole runtimeRole;
    JdbcClient asOwner;
    JavaServiceProcess service;

    @BeforeEach
    void infrastructure() {
        infrastructure = TestInfrastructure.create("AuditKillIT", false);
        CatalogueTopics.create(infrastructure.kafka(), infrastructure.namespace());
        runtimeRole = RuntimeRole.createFresh("auditkill");
        TestDatabase database = infrastructure.database();
        asOwner = JdbcClient.create(
                new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password()));
    }

    @AfterEach
    void cleanUp() {
        if (service != null) {
            service.kill();
        }
        runtimeRole.dropIn(infrastructure.database());
        infrastructure.close();
    }

    @Test
    void killedMidStreamAndRestartedTheTrailHasEveryEventOnceWithoutAGap() throws Exception {
        Path jar = ChildService.execJar("audit-service");
        int port = PortAllocator.freePort();
        int managementPort = PortAllocator.freePort();
        service = start(jar, port, managementPort);

        List<UUID> sent = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> publish(sent));

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> trailSize() >= EVENTS / 3);
        service.kill();
        long atKill = trailSize();
        log.info(
                "Killed audit-service with {} of {} entries appended, {} events published",
                atKill,
                EVENTS,
                sent.size());
        assertThat(atKill).as("entries when killed: mid-stream").isLessThan(EVENTS);

        service = start(jar, port, managementPort);
        stream.get();
        await().atMost(PATIENCE).until(() -> trailSize() >= EVENTS);

        assertThat(asOwner.sql("SELECT sequence FROM audit_entry ORDER BY sequence")
                        .query(Long.class)
                        .list())
                .as("sequence numbers")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, EVENTS).boxed().toList());
        assertThat(asOwner.sql("SELECT event_id FROM audit_entry")
                        .query(UUID.class)
                        .list())
                .as("event ids")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sent);
        JsonNode verification = get(
                "http://127.0.0.1:" + port + "/api/v1/audit/verify",
                infrastructure.identity().token(Persona.AUDITOR));
        assertThat(verification.get("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.get("size").asLong()).isEqualTo(EVENTS);
    }

    private void publish(List<UUID> sent) {
        try (EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka())) {
            for (int i = 0; i < EVENTS; i += 2) {
                String orderId = UUID.randomUUID().toString();
                EventEnvelope<?> issued = ExampleEvents.orderIssued(orderId);
                writer.send(infrastructure.topic(Topics.ORDERS_TOPIC), issued);
                sent.add(issued.id());
                EventEnvelope<?> notified = ExampleEvents.notificationSent(orderId, 2);
                writer.send(infrastructure.topic(Topics.NOTIFICATIONS_TOPIC), notified);
                sent.add(notified.id());
            }
        }
    }

    /**
     * Configured through environment variables, as an operator runs it (ChildService passes Spring settings
     * instead), and on the same ports after the kill.
     */
    private JavaServiceProcess start(Path jar, int port, int managementPort) {
        TestDatabase database = infrastructure.database();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", runtimeRole.name());
        environment.put("SPRING_DATASOURCE_PASSWORD", runtimeRole.password());
        environment.put("SPRING_FLYWAY_USER", database.user());
        environment.put("SPRING_FLYWAY_PASSWORD", database.password());
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafka().bootstrapServers());
        environment.put("QORGAU_KAFKA_NAMESPACE", infrastructure.namespace());
        environment.put("QORGAU_AUDIT_DATABASE_REQUIRERESTRICTEDROLE", "true");
        // A checkpoint key of its own, as production has (no demo keys here).
        environment.put(
                "QORGAU_AUDIT_CHECKPOINT_SIGNING_KEY", NoteSigner.generate("test.qorgau/audit", new SecureRandom()));
        // And a key-encryption key of its own for the subject keys (docs/adr/0031), the same after the restart.
        environment.put("QORGAU_AUDIT_SHREDDING_ACTIVE_KEY_ID", "k1");
        environment.put("QORGAU_AUDIT_SHREDDING_KEYS_K1", KEY_ENCRYPTION_KEY);
        // Trusts the JVM's test token issuer, as production trusts its OpenID Connect provider.
        TestIdentity identity = infrastructure.identity();
        environment.put("QORGAU_OIDC_ISSUER_URI", identity.issuer().toString());
        environment.put("QORGAU_OIDC_JWK_SET_URI", identity.jwkSetUri().toString());
        environment.put("QORGAU_OIDC_AUDIENCE", identity.audience());
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
        JavaServiceProcess process = JavaServiceProcess.start(
                "audit-service",
                jar,
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                environment,
                Path.of("target", "audit-kill-it", "audit-service.log"));
        try {
            process.awaitHealthy(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"), START_TIMEOUT);
        } catch (RuntimeException e) {
            throw new AssertionError("audit-service did not start:\n" + String.join("\n", process.logTail(60)), e);
        }
        return process;
    }

    private long trailSize() {
        return asOwner.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
    }

    private static JsonNode get(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }
}
