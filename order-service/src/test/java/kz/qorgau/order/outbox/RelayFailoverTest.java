package kz.qorgau.order.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.kit.outbox.OutboxRelay;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.order.OrderServiceApplication;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.instances.ServiceInstances;
import kz.qorgau.testsupport.instances.ServiceInstances.ServiceInstance;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two order-service instances on one database and broker, orders posted to both: exactly one relay is
 * active, every event is published in its order's sequence, and when the active instance stops, the
 * standby takes over and publishes what is left. Before that, a run of the version before the kit's outbox
 * leaves events unpublished in the old table: the upgrade's migration moves them and the relay publishes them.
 */
@SpringBootTest(classes = RelayFailoverTest.TestOnly.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@QorgauInfrastructure
class RelayFailoverTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    /** The test's own context only holds the infrastructure; the service runs as two instances. */
    @Configuration(proxyBeanMethods = false)
    static class TestOnly {}

    @Autowired
    TestInfrastructure infrastructure;

    @Test
    void oneRelayIsActiveAndTheStandbyTakesOverWhenItStops() {
        Map<String, Object> settings = new LinkedHashMap<>(infrastructure.springProperties());
        settings.put("qorgau.outbox.relay.standby-interval", "300ms");
        settings.put("qorgau.outbox.relay.poll-interval", "500ms");
        List<String> orderIds = new ArrayList<>();
        List<String> moved = pendingEventsOfTheVersionBeforeTheKitOutbox(settings);
        try (ServiceInstances instances = ServiceInstances.start(OrderServiceApplication.class, 2, settings);
                EventTopicReader reader =
                        EventTopicReader.open(infrastructure.kafka(), infrastructure.topic(Topics.ORDERS_TOPIC))) {
            JdbcClient jdbc = instances.get(0).context().getBean(JdbcClient.class);
            ServiceInstance active = awaitOneActive(instances.all());
            assertThat(advisoryLockHolders(jdbc)).isEqualTo(1);
            // The events the old table held when this version's migration moved them are published, in order.
            PublishedSequences.awaitInOrder(reader, moved, 2, WITHIN);
            assertThat(jdbc.sql("SELECT to_regclass('outbox') IS NULL")
                            .query(Boolean.class)
                            .single())
                    .as("the old outbox table is gone")
                    .isTrue();

            // Orders to both instances, three events each (the second and third from the other instance).
            for (int i = 0; i < 6; i++) {
                ServiceInstance issuing = instances.get(i % 2);
                ServiceInstance appending = instances.get((i + 1) % 2);
                orderIds.add(issueWithThreeEvents(issuing, appending));
                assertThat(activeRelays(instances.all())).as("active relays").isEqualTo(1);
            }
            PublishedSequences.awaitInOrder(reader, orderIds, 3, WITHIN);
            assertThat(activeRelays(instances.all())).isEqualTo(1);

            // The active instance stops; orders keep coming to the other one.
            ServiceInstance standby = active == instances.get(0) ? instances.get(1) : instances.get(0);
            active.close();
            List<String> afterStop = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                afterStop.add(issueWithThreeEvents(standby, standby));
            }
            await().atMost(WITHIN).until(() -> relay(standby).isActive());
            orderIds.addAll(afterStop);
            PublishedSequences.awaitInOrder(reader, orderIds, 3, WITHIN);

            JdbcClient survivor = standby.context().getBean(JdbcClient.class);
            assertThat(advisoryLockHolders(survivor)).isEqualTo(1);
            // None lost: every outbox row is on the topic, and marked published.
            Set<String> published = new HashSet<>();
            reader.drain(Duration.ofMillis(300))
                    .forEach(record ->
                            published.add(EventTopicReader.decode(record).id().toString()));
            List<String> outboxIds = survivor.sql("SELECT event_id::text FROM kit_outbox")
                    .query(String.class)
                    .list();
            assertThat(outboxIds).hasSize(orderIds.size() * 3 + moved.size() * 2);
            assertThat(published).containsAll(outboxIds);
            await().atMost(WITHIN)
                    .until(() -> survivor.sql("SELECT count(*) FROM kit_outbox WHERE published_at IS NULL")
                                    .query(Long.class)
                                    .single()
                            == 0);
        }
    }

    /**
     * Runs order-service with its migrations up to V9, the last before its outbox moved into the kit, and
     * leaves two events each of three orders unpublished in the old {@code outbox} table, as a deployment
     * stopped for an upgrade may. The next start migrates V10, which moves them into {@code kit_outbox}.
     *
     * @return the orders whose events 1 and 2 wait in the old table
     */
    private List<String> pendingEventsOfTheVersionBeforeTheKitOutbox(Map<String, Object> settings) {
        Map<String, Object> before = new LinkedHashMap<>(settings);
        before.put("spring.flyway.target", "9");
        before.put("qorgau.outbox.relay.enabled", "false");
        List<String> orders = new ArrayList<>();
        try (ServiceInstances old = ServiceInstances.start(OrderServiceApplication.class, 1, before)) {
            ApplicationContext context = old.get(0).context();
            OutboxFixture fixture = new OutboxFixture(context);
            EventCodec codec = context.getBean(EventCodec.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            for (int i = 0; i < 3; i++) {
                String order = UUID.randomUUID().toString();
                orders.add(order);
                for (int sequence = 1; sequence <= 2; sequence++) {
                    EventEnvelope<?> event = fixture.envelope(order, sequence);
                    jdbc.sql(
                                    """
                                    INSERT INTO outbox (event_id, event_type, event_source, event_time, subject,
                                        sequence, traceparent, data)
                                    VALUES (:id, :type, :source, :time, :subject, :sequence, :traceparent,
                                        CAST(:data AS json))
                                    """)
                            .param("id", event.id())
                            .param("type", event.type())
                            .param("source", event.source().toString())
                            .param("time", event.time())
                            .param("subject", order)
                            .param("sequence", sequence)
                            .param("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                            .param("data", new String(codec.writeData(event.data()), StandardCharsets.UTF_8))
                            .update();
                }
            }
            // One of them had failed before: its backoff and attempts move along with it.
            jdbc.sql("UPDATE outbox SET attempts = 3, last_error = 'earlier failure' WHERE subject = :order"
                            + " AND sequence = 1")
                    .param("order", orders.get(0))
                    .update();
        }
        return orders;
    }

    /** POSTs an order to one instance and appends its events 2 and 3 through another. */
    private String issueWithThreeEvents(ServiceInstance issuing, ServiceInstance appending) {
        HttpResponse<String> created = new ApiClient(issuing.port(), infrastructure.identity(), Persona.OFFICER_A)
                .postOrder(OrderRequests.valid());
        assertThat(created.statusCode()).isEqualTo(201);
        String id = ApiClient.json(created).get("id").asString();
        OutboxFixture fixture = new OutboxFixture(appending.context());
        fixture.appendNextEvent(UUID.fromString(id));
        fixture.appendNextEvent(UUID.fromString(id));
        return id;
    }

    private static ServiceInstance awaitOneActive(List<ServiceInstance> instances) {
        await().atMost(WITHIN).until(() -> activeRelays(instances) == 1);
        return instances.stream()
                .filter(instance -> relay(instance).isActive())
                .findFirst()
                .orElseThrow();
    }

    private static long activeRelays(List<ServiceInstance> instances) {
        return instances.stream()
                .filter(ServiceInstance::isRunning)
                .filter(instance -> relay(instance).isActive())
                .count();
    }

    private static OutboxRelay relay(ServiceInstance instance) {
        return instance.context().getBean(OutboxRelay.class);
    }

    private static long advisoryLockHolders(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                        + " AND objid::bigint = :objid AND classid::bigint = :classid AND objsubid = 2 AND database = (SELECT oid FROM pg_database"
                        + " WHERE datname = current_database())")
                .param("objid", OutboxRelay.LOCK.objectId())
                .param("classid", OutboxRelay.LOCK.classId())
                .query(Long.class)
                .single();
    }
}
