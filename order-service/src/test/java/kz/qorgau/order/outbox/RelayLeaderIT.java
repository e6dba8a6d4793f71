package kz.qorgau.order.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.kit.outbox.OutboxRelay;
import kz.qorgau.order.OrderServiceApplication;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.instances.ChildService;
import kz.qorgau.testsupport.instances.ServiceInstances;
import kz.qorgau.testsupport.instances.ServiceInstances.ServiceInstance;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Leadership that cannot get stuck (docs/adr/0013-leader-sessions.md), with two instances on one database
 * and broker: the packaged service as a child process (A), which the test can freeze, and one in this JVM
 * (B).
 *
 * <ol>
 *   <li>A is active and freezes (SIGSTOP) at the worst moment: it has read an order's event and not yet
 *       handed it to Kafka. B takes over within the lease and publishes that event and the order's later
 *       ones. A resumes (SIGCONT) and sends what it holds in memory: it must not reach any reader.
 *   <li>B's lock session is killed (pg_terminate_backend), as when its host is cut off: A takes over.
 * </ol>
 *
 * Throughout, each order's events reach the topic in sequence: never one older than an event already
 * published (the duplicate of the latest that ADR 0007 allows is tolerated).
 */
class RelayLeaderIT {

    private static final Logger log = LoggerFactory.getLogger(RelayLeaderIT.class);

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration STANDBY_INTERVAL = Duration.ofMillis(300);
    /** Scheduling on a busy test machine, opening the new leader's producer, a round. */
    private static final Duration SLACK = Duration.ofSeconds(7);

    private static final Duration TAKEOVER = LEASE.plus(STANDBY_INTERVAL).plus(SLACK);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path WORK = Path.of("target", "relay-leader-it");

    TestInfrastructure infrastructure;
    JdbcClient asAdmin;
    ChildService childA;
    ServiceInstances instancesB;

    @BeforeEach
    void infrastructure() {
        infrastructure = TestInfrastructure.create("RelayLeaderIT", false);
        asAdmin = JdbcClient.create(new DriverManagerDataSource(
                infrastructure.database().jdbcUrl(),
                infrastructure.database().user(),
                infrastructure.database().password()));
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
        infrastructure.close();
    }

    @Test
    void aFrozenOrCutOffRelayIsReplacedWithinTheLeaseAndNeverPublishesOutOfOrder() throws Exception {
        String frozenOrder = UUID.randomUUID().toString();
        childA = startChild(frozenOrder);
        await().atMost(PATIENCE).until(() -> childA.metric("qorgau_outbox_relay_leader") == 1);
        int sessionA = lockHolder();
        instancesB = ServiceInstances.start(OrderServiceApplication.class, 1, relaySettings());
        ServiceInstance b = instancesB.get(0);
        OutboxRelay relayB = b.context().getBean(OutboxRelay.class);
        OutboxFixture outbox = new OutboxFixture(b.context());
        assertThat(relayB.isActive()).as("B stands by while A is active").isFalse();

        List<String> orders = new ArrayList<>();
        try (EventTopicReader reader =
                EventTopicReader.open(infrastructure.kafka(), infrastructure.topic(Topics.ORDERS_TOPIC))) {
            String warmUp = UUID.randomUUID().toString();
            orders.add(warmUp);
            outbox.appendEvents(warmUp, 2);
            PublishedSequences.awaitInOrder(reader, List.of(warmUp), 2, PATIENCE);

            // (a) A freezes with the frozen order's first event in hand.
            orders.add(frozenOrder);
            outbox.appendEvent(frozenOrder, 1);
            await().atMost(PATIENCE).until(() -> childA.isStopped());
            long frozenAt = System.nanoTime();
            outbox.appendEvent(frozenOrder, 2);
            outbox.appendEvent(frozenOrder, 3);

            await().atMost(TAKEOVER).until(relayB::isActive);
            Duration takeover = Duration.ofNanos(System.nanoTime() - frozenAt);
            log.info("Frozen relay replaced after {} ms (lease {})", takeover.toMillis(), LEASE);
            assertThat(lockHolder()).as("A's lock session ended").isNotEqualTo(sessionA);
            String duringFreeze = UUID.randomUUID().toString();
            orders.add(duringFreeze);
            outbox.appendEvents(duringFreeze, 3);
            PublishedSequences.awaitInOrder(reader, List.of(frozenOrder, duringFreeze), 3, PATIENCE);

            childA.resume();
            // A finds its producer fenced and its session gone, and stands by.
            await().atMost(PATIENCE).until(() -> childA.log().contains("resumed, sending " + frozenOrder));
            await().atMost(PATIENCE).until(() -> childA.metric("qorgau_outbox_relay_leader") == 0);
            assertThat(relayB.isActive()).isTrue();
            reader.drain(Duration.ofSeconds(2));
            PublishedSequences.awaitInOrder(reader, List.of(frozenOrder, duringFreeze), 3, PATIENCE);
            assertThat(PublishedSequences.of(reader.drain(Duration.ofMillis(200)), frozenOrder))
                    .as("what the resumed relay held in memory reached no reader")
                    .containsExactly(1L, 2L, 3L);

            // (b) B is cut off: its lock session is killed on the server. A takes over.
            int sessionB = lockHolder();
            asAdmin.sql("SELECT pg_terminate_backend(:pid)")
                    .param("pid", sessionB)
                    .query()
                    .singleRow();
            long cutOffAt = System.nanoTime();
            await().atMost(STANDBY_INTERVAL.plus(SLACK)).until(() -> childA.metric("qorgau_outbox_relay_leader") == 1);
            log.info(
                    "Cut-off relay replaced after {} ms",
                    Duration.ofNanos(System.nanoTime() - cutOffAt).toMillis());
            await().atMost(PATIENCE).until(() -> !relayB.isActive());
            String afterCutOff = UUID.randomUUID().toString();
            orders.add(afterCutOff);
            outbox.appendEvents(afterCutOff, 3);
            outbox.appendEvent(frozenOrder, 4);

            PublishedSequences.awaitInOrder(reader, List.of(afterCutOff), 3, PATIENCE);
            PublishedSequences.awaitInOrder(reader, List.of(frozenOrder), 4, PATIENCE);
            PublishedSequences.awaitInOrder(reader, List.of(warmUp), 2, PATIENCE);
            PublishedSequences.awaitInOrder(reader, List.of(duringFreeze), 3, PATIENCE);
            await().atMost(PATIENCE)
                    .until(() -> asAdmin.sql("SELECT count(*) FROM kit_outbox WHERE published_at IS NULL")
                                    .query(Long.class)
                                    .single()
                            == 0);
        }
    }

    /** The relay settings both instances run with: a short lease, so the test is quick. */
    private Map<String, Object> relaySettings() {
        Map<String, Object> settings = new LinkedHashMap<>(infrastructure.springProperties());
        settings.put("qorgau.outbox.relay.lease", LEASE.toMillis() + "ms");
        settings.put("qorgau.outbox.relay.standby-interval", STANDBY_INTERVAL.toMillis() + "ms");
        settings.put("qorgau.outbox.relay.poll-interval", "500ms");
        settings.put("qorgau.outbox.relay.send-timeout", "6s");
        return settings;
    }

    private ChildService startChild(String frozenOrder) throws IOException {
        Map<String, Object> settings = relaySettings();
        settings.put(
                "qorgau.outbox.relay.producer-properties.interceptor.classes", FreezeOnSendInterceptor.class.getName());
        return ChildService.start(
                "order-service A",
                "order-service",
                settings,
                List.of(hooks()),
                List.of("-D" + FreezeOnSendInterceptor.FREEZE_ON_KEY + "=" + frozenOrder),
                WORK.resolve("order-service-a.log"),
                START_TIMEOUT);
    }

    /** A folder holding only the test hook (test-classes as a whole would bring test configurations along). */
    private static Path hooks() throws IOException {
        String file = FreezeOnSendInterceptor.class.getName().replace('.', '/') + ".class";
        Path target = WORK.resolve("hooks").resolve(file);
        Files.createDirectories(target.getParent());
        Files.copy(Path.of("target", "test-classes", file), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return WORK.resolve("hooks");
    }

    /** The backend holding the relay's advisory lock in this test's database, or -1. */
    private int lockHolder() {
        return asAdmin.sql(
                        """
                        SELECT coalesce(max(pid), -1) FROM pg_locks
                         WHERE locktype = 'advisory' AND granted AND objid::bigint = :objid AND classid::bigint = :classid AND objsubid = 2
                           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                        """)
                .param("objid", OutboxRelay.LOCK.objectId())
                .param("classid", OutboxRelay.LOCK.classId())
                .query(Integer.class)
                .single();
    }
}
