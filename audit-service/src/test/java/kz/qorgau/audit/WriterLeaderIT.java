package kz.qorgau.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import kz.qorgau.audit.verify.AuditVerifier;
import kz.qorgau.audit.verify.Verification;
import kz.qorgau.audit.writer.WriterLeadership;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.infrastructure.postgres.TestDatabase;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.instances.ChildService;
import kz.qorgau.testsupport.instances.ServiceInstances;
import kz.qorgau.testsupport.instances.ServiceInstances.ServiceInstance;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The writer's leadership cannot get stuck (docs/adr/0013-leader-sessions.md), with two instances on one
 * database and broker: the packaged service as a child process (A), which the test freezes, and one in
 * this JVM (B).
 *
 * <ol>
 *   <li>A is the writer and freezes (SIGSTOP; its kernel still answers TCP keepalives). B takes the lock
 *       within the lease and, once Kafka hands it the partitions, appends. A resumes (SIGCONT): it cannot
 *       append (its session is gone) and stands by.
 *   <li>B's writer session is killed (pg_terminate_backend), as when its host is cut off: A takes over.
 * </ol>
 *
 * In the end the trail holds every event once, numbered without a gap, and verifies.
 */
class WriterLeaderIT {

    private static final Logger log = LoggerFactory.getLogger(WriterLeaderIT.class);

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(200);
    /** The broker's minimum: a frozen consumer keeps its partitions this long. */
    private static final Duration KAFKA_SESSION_TIMEOUT = Duration.ofSeconds(6);
    /** Scheduling on a busy test machine, a rebalance, the first appends. */
    private static final Duration SLACK = Duration.ofSeconds(7);

    private static final Duration LOCK_TAKEOVER = LEASE.plus(CHECK_INTERVAL).plus(SLACK);
    private static final Duration APPENDS_RESUME =
            LEASE.plus(CHECK_INTERVAL).plus(KAFKA_SESSION_TIMEOUT).plus(SLACK).plus(SLACK);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int EVENTS_PER_ROUND = 6;

    TestInfrastructure infrastructure;
    RuntimeRole runtimeRole;
    JdbcClient asOwner;
    ChildService childA;
    ServiceInstances instancesB;

    @BeforeEach
    void infrastructure() {
        infrastructure = TestInfrastructure.create("WriterLeaderIT", false);
        CatalogueTopics.create(infrastructure.kafka(), infrastructure.namespace());
        runtimeRole = RuntimeRole.createFresh("writerleader");
        TestDatabase database = infrastructure.database();
        asOwner = JdbcClient.create(
                new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password()));
    }

    @AfterEach
    void cleanUp() {
        if (childA != null) {
            childA.resume();
            childA.kill();
        }
        if (instancesB != null) {
            instancesB.close();
        }
        runtimeRole.dropIn(infrastructure.database());
        infrastructure.close();
    }

    @Test
    void aFrozenOrCutOffWriterIsReplacedWithinTheLeaseAndCannotAppendWhenItResumes() throws Exception {
        childA = startChild();
        await().atMost(PATIENCE).until(() -> childA.metric("audit_writer_leader") == 1);
        instancesB = ServiceInstances.start(AuditServiceApplication.class, 1, settings());
        ServiceInstance b = instancesB.get(0);
        WriterLeadership writerB = b.context().getBean(WriterLeadership.class);
        assertThat(writerB.isWriter()).as("B stands by while A writes").isFalse();

        List<UUID> sent = new ArrayList<>();
        try (EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka())) {
            sendRound(writer, sent);
            awaitTrailSize(sent.size(), PATIENCE);
            double appendedByA = childA.metric("audit_entries_appended_total");
            assertThat(appendedByA).isEqualTo(EVENTS_PER_ROUND);

            // (a) A freezes; B takes the lock within the lease, and the partitions within Kafka's session timeout.
            childA.freeze();
            long frozenAt = System.nanoTime();
            sendRound(writer, sent);
            await().atMost(LOCK_TAKEOVER).until(writerB::isWriter);
            log.info("Frozen writer's lock taken over after {} ms (lease {})", millisSince(frozenAt), LEASE);
            awaitTrailSize(sent.size(), APPENDS_RESUME);
            log.info("Appends resumed {} ms after the writer froze", millisSince(frozenAt));

            childA.resume();
            await().atMost(PATIENCE).until(() -> childA.log().contains("The writer session ended"));
            await().atMost(PATIENCE).until(() -> childA.metric("audit_writer_leader") == 0);
            sendRound(writer, sent);
            awaitTrailSize(sent.size(), PATIENCE);
            assertThat(childA.metric("audit_entries_appended_total"))
                    .as("the resumed writer appended nothing")
                    .isEqualTo(appendedByA);
            assertThat(writerB.isWriter()).isTrue();

            // (b) B is cut off: its writer session is killed on the server. A takes over.
            int sessionB = writerSession();
            asOwner.sql("SELECT pg_terminate_backend(:pid)")
                    .param("pid", sessionB)
                    .query()
                    .singleRow();
            long cutOffAt = System.nanoTime();
            await().atMost(CHECK_INTERVAL.plus(SLACK)).until(() -> childA.metric("audit_writer_leader") == 1);
            log.info("Cut-off writer's lock taken over after {} ms", millisSince(cutOffAt));
            await().atMost(PATIENCE).until(() -> !writerB.isWriter());
            sendRound(writer, sent);
            awaitTrailSize(sent.size(), PATIENCE);
            log.info("Appends resumed {} ms after the writer was cut off", millisSince(cutOffAt));
        }

        assertThat(asOwner.sql("SELECT sequence FROM audit_entry ORDER BY sequence")
                        .query(Long.class)
                        .list())
                .as("sequence numbers")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, sent.size()).boxed().toList());
        assertThat(asOwner.sql("SELECT event_id FROM audit_entry")
                        .query(UUID.class)
                        .list())
                .as("event ids")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sent);
        Verification verification = b.context().getBean(AuditVerifier.class).verify();
        assertThat(verification.intact()).as(verification.toString()).isTrue();
        assertThat(verification.size()).isEqualTo(sent.size());
    }

    /** Both instances: production's roles, a short lease and Kafka's shortest session, so the test is quick. */
    private Map<String, Object> settings() {
        TestDatabase database = infrastructure.database();
        Map<String, Object> settings = new LinkedHashMap<>(infrastructure.springProperties());
        settings.put("spring.datasource.username", runtimeRole.name());
        settings.put("spring.datasource.password", runtimeRole.password());
        settings.put("spring.flyway.user", database.user());
        settings.put("spring.flyway.password", database.password());
        settings.put("qorgau.audit.database.require-restricted-role", true);
        settings.put("qorgau.audit.writer.lease", LEASE.toMillis() + "ms");
        settings.put("qorgau.audit.writer.check-interval", CHECK_INTERVAL.toMillis() + "ms");
        settings.put("spring.kafka.consumer.properties.session.timeout.ms", KAFKA_SESSION_TIMEOUT.toMillis());
        settings.put("spring.kafka.consumer.properties.heartbeat.interval.ms", 1000);
        return settings;
    }

    private ChildService startChild() {
        return ChildService.start(
                "audit-service A",
                "audit-service",
                settings(),
                List.of(),
                List.of(),
                Path.of("target", "writer-leader-it", "audit-service-a.log"),
                START_TIMEOUT);
    }

    private void sendRound(EventTopicWriter writer, List<UUID> sent) {
        for (int order = 0; order < EVENTS_PER_ROUND / 2; order++) {
            String orderId = UUID.randomUUID().toString();
            EventEnvelope<?> issued = ExampleEvents.orderIssued(orderId);
            writer.send(infrastructure.topic(Topics.ORDERS_TOPIC), issued);
            sent.add(issued.id());
            EventEnvelope<?> notified = ExampleEvents.notificationSent(orderId, 2);
            writer.send(infrastructure.topic(Topics.NOTIFICATIONS_TOPIC), notified);
            sent.add(notified.id());
        }
    }

    private void awaitTrailSize(int size, Duration within) {
        await().atMost(within)
                .until(() -> asOwner.sql("SELECT count(*) FROM audit_entry")
                                .query(Long.class)
                                .single()
                        >= size);
    }

    /** The backend holding the writer lock in this test's database. */
    private int writerSession() {
        return asOwner.sql(
                        """
                        SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                         WHERE l.locktype = 'advisory' AND l.granted
                           AND a.application_name = 'audit-service writer'
                           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                        """)
                .query(Integer.class)
                .single();
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
