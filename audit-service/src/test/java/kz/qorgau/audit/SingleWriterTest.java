package kz.qorgau.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import kz.qorgau.audit.verify.AuditVerifier;
import kz.qorgau.audit.verify.Verification;
import kz.qorgau.audit.writer.WriterLeadership;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.infrastructure.postgres.TestDatabase;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.instances.ServiceInstances;
import kz.qorgau.testsupport.instances.ServiceInstances.ServiceInstance;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Two instances run as production runs them: the restricted runtime role, migrations as the owner.
 * Only the lock holder writes; when its lock session ends the writer stands down, and when it
 * stops the other takes over; in the end the trail has every event once, without a gap.
 */
class SingleWriterTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final int EVENTS_PER_ROUND = 10;

    static TestInfrastructure infrastructure;
    static RuntimeRole runtimeRole;
    static JdbcClient asOwner;

    @BeforeAll
    static void infrastructure() {
        infrastructure = TestInfrastructure.create("SingleWriterTest", false);
        CatalogueTopics.create(infrastructure.kafka(), infrastructure.namespace());
        runtimeRole = RuntimeRole.createFresh("singlewriter");
        TestDatabase database = infrastructure.database();
        DataSource owner = new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password());
        asOwner = JdbcClient.create(owner);
    }

    @AfterAll
    static void cleanUp() {
        if (runtimeRole != null) {
            runtimeRole.dropIn(infrastructure.database());
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void onlyTheLockHolderWritesAndTheStandbyTakesOverWithoutGapOrDuplicate() throws SQLException {
        List<UUID> sent = new ArrayList<>();
        try (ServiceInstances instances = ServiceInstances.start(AuditServiceApplication.class, 2, asProduction());
                EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka())) {
            ServiceInstance first = awaitOneWriter(instances.all());
            ServiceInstance standby = other(instances, first);
            assertStandsBy(standby);

            sendRound(writer, sent);
            awaitTrailSize(sent.size());
            assertThat(appended(first)).isEqualTo(EVENTS_PER_ROUND);
            assertThat(appended(standby)).isZero();
            assertStandsBy(standby);

            // The writer's lock session ends under it, as when its database connection is lost.
            int endedSession = terminateTheLockSession();
            await().atMost(PATIENCE).until(() -> {
                int session = lockSessionPid();
                return session > 0 && session != endedSession;
            });
            ServiceInstance second = awaitOneWriter(instances.all());
            assertStandsBy(other(instances, second));
            double appendedBefore = appended(first) + appended(standby);
            sendRound(writer, sent);
            awaitTrailSize(sent.size());
            assertThat(appended(first) + appended(standby) - appendedBefore).isEqualTo(EVENTS_PER_ROUND);

            // The writer stops; the other instance takes the lock and carries on.
            ServiceInstance survivor = other(instances, second);
            double survivorBefore = appended(survivor);
            second.close();
            await().atMost(PATIENCE).until(() -> isWriter(survivor));
            sendRound(writer, sent);
            awaitTrailSize(sent.size());
            assertThat(appended(survivor) - survivorBefore).isEqualTo(EVENTS_PER_ROUND);

            assertThat(asOwner.sql("SELECT sequence FROM audit_entry ORDER BY sequence")
                            .query(Long.class)
                            .list())
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, sent.size()).boxed().toList());
            assertThat(asOwner.sql("SELECT event_id FROM audit_entry ORDER BY sequence")
                            .query(UUID.class)
                            .list())
                    .containsExactlyInAnyOrderElementsOf(sent);
            Verification verification =
                    survivor.context().getBean(AuditVerifier.class).verify();
            assertThat(verification.intact()).as(verification.toString()).isTrue();
            assertThat(verification.size()).isEqualTo(sent.size());
        }
    }

    /** The restricted runtime role for the service; the owner (the test's admin login) for Flyway. */
    private static Map<String, Object> asProduction() {
        TestDatabase database = infrastructure.database();
        Map<String, Object> properties = new LinkedHashMap<>(infrastructure.springProperties());
        properties.put("spring.datasource.username", runtimeRole.name());
        properties.put("spring.datasource.password", runtimeRole.password());
        properties.put("spring.flyway.user", database.user());
        properties.put("spring.flyway.password", database.password());
        // Fails the start if the runtime role could change the trail.
        properties.put("qorgau.audit.database.require-restricted-role", true);
        properties.put("qorgau.audit.writer.check-interval", "200ms");
        return properties;
    }

    private static void sendRound(EventTopicWriter writer, List<UUID> sent) {
        for (int order = 0; order < EVENTS_PER_ROUND / 2; order++) {
            String orderId = UUID.randomUUID().toString();
            for (EventEnvelope<?> event :
                    List.of(ExampleEvents.orderIssued(orderId), ExampleEvents.notificationSent(orderId, 2))) {
                String topic =
                        event.type().startsWith("kz.qorgau.order.") ? Topics.ORDERS_TOPIC : Topics.NOTIFICATIONS_TOPIC;
                writer.send(infrastructure.topic(topic), event);
                sent.add(event.id());
            }
        }
    }

    private static void awaitTrailSize(int size) {
        await().atMost(PATIENCE)
                .until(() -> asOwner.sql("SELECT count(*) FROM audit_entry")
                                .query(Long.class)
                                .single()
                        >= size);
    }

    private static ServiceInstance awaitOneWriter(List<ServiceInstance> instances) {
        return await().atMost(PATIENCE)
                .until(
                        () -> {
                            List<ServiceInstance> writers = instances.stream()
                                    .filter(SingleWriterTest::isWriter)
                                    .toList();
                            return writers.size() == 1 ? writers.get(0) : null;
                        },
                        writer -> writer != null);
    }

    private static void assertStandsBy(ServiceInstance instance) {
        assertThat(isWriter(instance)).isFalse();
        assertThat(instance.context()
                        .getBean(KafkaListenerEndpointRegistry.class)
                        .getListenerContainer(WriterLeadership.LISTENER_ID)
                        .isRunning())
                .as("the standby's listener container runs")
                .isFalse();
    }

    private static boolean isWriter(ServiceInstance instance) {
        return instance.isRunning()
                && instance.context().getBean(WriterLeadership.class).isWriter();
    }

    /** Ends the writer's lock session from outside, as a lost connection would; returns its pid. */
    private static int terminateTheLockSession() throws SQLException {
        int session = lockSessionPid();
        assertThat(session).as("the writer's lock session").isPositive();
        TestDatabase database = infrastructure.database();
        try (Connection admin = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(" + session + ")");
        }
        return session;
    }

    /** The server process holding the writer lock in this test's database, or -1. */
    private static int lockSessionPid() {
        return asOwner.sql(
                        """
                        SELECT coalesce(max(pid), -1) FROM pg_locks
                         WHERE locktype = 'advisory' AND granted
                           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                        """)
                .query(Integer.class)
                .single();
    }

    private static ServiceInstance other(ServiceInstances instances, ServiceInstance one) {
        return instances.all().stream().filter(i -> i != one).findFirst().orElseThrow();
    }

    private static double appended(ServiceInstance instance) {
        if (!instance.context().isActive()) {
            return 0;
        }
        return instance.context().getBean(MeterRegistry.class).find("audit.entries.appended").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
