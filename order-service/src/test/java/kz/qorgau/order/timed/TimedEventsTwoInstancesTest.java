package kz.qorgau.order.timed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.order.OrderServiceApplication;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.instances.ServiceInstances;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two order-service instances scanning twice a second, after what looks like weeks of downtime (the
 * orders' times moved back in the database): every timed event that fell due is published once, with
 * the event id its row holds, however many scans run on either instance.
 */
@SpringBootTest(
        classes = TimedEventsTwoInstancesTest.TestOnly.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
@QorgauInfrastructure
class TimedEventsTwoInstancesTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    /** The test's own context only holds the infrastructure; the service runs as two instances. */
    @Configuration(proxyBeanMethods = false)
    static class TestOnly {}

    @Autowired
    TestInfrastructure infrastructure;

    @Test
    void everyDueEventIsPublishedOnceWithItsRowsEventId() {
        Map<String, Object> settings = new LinkedHashMap<>(infrastructure.springProperties());
        settings.put("qorgau.orders.timed-events.scan-interval", "500ms");
        try (ServiceInstances instances = ServiceInstances.start(OrderServiceApplication.class, 2, settings);
                EventTopicReader topic =
                        EventTopicReader.open(infrastructure.kafka(), infrastructure.topic(Topics.ORDERS_TOPIC))) {
            JdbcClient jdbc = instances.get(0).context().getBean(JdbcClient.class);
            ApiClient officer = new ApiClient(instances.get(1).port(), infrastructure.identity(), Persona.OFFICER_A);
            UUID unserved = issue(officer, "TIMED-UP-1");
            UUID served = issue(officer, "TIMED-UP-2");
            UUID inForce = issue(officer, "TIMED-UP-3");
            serve(officer, served);
            serve(officer, inForce);
            // The scans must see the weeks of downtime at once, never half of it (a scan that saw the expiry
            // but not the missed checks would end the order first): the test takes the scan's lock meanwhile.
            holdScanLock(jdbc);
            // Weeks of downtime: the unserved order was issued 2 days ago, the served one 40 days ago.
            jdbc.sql("UPDATE protective_order SET issued_at = issued_at - interval '2 days' WHERE id = :id")
                    .param("id", unserved)
                    .update();
            jdbc.sql(
                            """
                            UPDATE protective_order SET issued_at = issued_at - interval '40 days',
                                served_at = served_at - interval '40 days', valid_until = valid_until - interval '40 days'
                            WHERE id = :id
                            """)
                    .param("id", served)
                    .update();
            // The third was served 20 days ago: still in force, two checks missed (days 7 and 14).
            jdbc.sql(
                            """
                            UPDATE protective_order SET issued_at = issued_at - interval '20 days',
                                served_at = served_at - interval '20 days', valid_until = valid_until - interval '20 days'
                            WHERE id = :id
                            """)
                    .param("id", inForce)
                    .update();
            releaseScanLock(jdbc);

            // Service overdue for one; for the other 4 checks overdue (days 7, 14, 21, 28), the warning, the expiry.
            await().atMost(WITHIN)
                    .until(() -> rows(jdbc, unserved).size() == 1
                            && rows(jdbc, served).size() == 6);
            await().atMost(WITHIN).until(() -> eventsOf(topic, served).size() >= 8);
            // Several more scans on both instances add nothing.
            topic.drain(Duration.ofSeconds(3));

            assertThat(rows(jdbc, unserved)).hasSize(1);
            assertThat(rows(jdbc, served)).hasSize(6);
            List<EventEnvelope<QorgauEvent>> unservedEvents = eventsOf(topic, unserved);
            assertThat(unservedEvents)
                    .extracting(EventEnvelope::type)
                    .containsExactly("kz.qorgau.order.issued.v1", "kz.qorgau.order.service.overdue.v1");
            assertThat(unservedEvents.get(1).id())
                    .isEqualTo(rows(jdbc, unserved).get(0));
            List<EventEnvelope<QorgauEvent>> servedEvents = eventsOf(topic, served);
            assertThat(servedEvents)
                    .extracting(EventEnvelope::type)
                    .containsExactly(
                            "kz.qorgau.order.issued.v1",
                            "kz.qorgau.order.served.v1",
                            "kz.qorgau.order.check.overdue.v1",
                            "kz.qorgau.order.check.overdue.v1",
                            "kz.qorgau.order.check.overdue.v1",
                            "kz.qorgau.order.check.overdue.v1",
                            "kz.qorgau.order.expiry.approaching.v1",
                            "kz.qorgau.order.expired.v1");
            assertThat(servedEvents.subList(2, 8))
                    .extracting(EventEnvelope::id)
                    .containsExactlyInAnyOrderElementsOf(rows(jdbc, served));
            assertThat(eventsOf(topic, inForce))
                    .extracting(EventEnvelope::type)
                    .containsExactly(
                            "kz.qorgau.order.issued.v1",
                            "kz.qorgau.order.served.v1",
                            "kz.qorgau.order.check.overdue.v1",
                            "kz.qorgau.order.check.overdue.v1");
            assertThat(rows(jdbc, inForce)).hasSize(2);
            assertThat(jdbc.sql("SELECT status FROM protective_order WHERE id = :id")
                            .param("id", served)
                            .query(String.class)
                            .single())
                    .isEqualTo("EXPIRED");
        }
    }

    /** Takes ShedLock's lock of the scan, as an instance would, once no scan runs. */
    private static void holdScanLock(JdbcClient jdbc) {
        jdbc.sql(
                        """
                        INSERT INTO shedlock (name, lock_until, locked_at, locked_by)
                        VALUES ('order-timed-events', now() - interval '1 second', now(), 'test')
                        ON CONFLICT (name) DO NOTHING
                        """)
                .update();
        await().atMost(WITHIN)
                .until(() -> jdbc.sql(
                                        """
                                        UPDATE shedlock SET lock_until = now() + interval '1 hour', locked_at = now(),
                                            locked_by = 'test'
                                        WHERE name = 'order-timed-events' AND lock_until <= now()
                                        """)
                                .update()
                        == 1);
    }

    private static void releaseScanLock(JdbcClient jdbc) {
        jdbc.sql("UPDATE shedlock SET lock_until = now() WHERE name = 'order-timed-events' AND locked_by = 'test'")
                .update();
    }

    private static void serve(ApiClient officer, UUID orderId) {
        HttpResponse<String> service = officer.post(
                "/api/v1/orders/" + orderId + "/service", "{\"method\": \"SIGNED\"}", Map.of("If-Match", "\"v1\""));
        assertThat(service.statusCode()).as(service.body()).isEqualTo(200);
    }

    private static UUID issue(ApiClient officer, String unit) {
        HttpResponse<String> issued = officer.postOrder(OrderRequests.valid(unit));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return UUID.fromString(ApiClient.json(issued).get("id").asString());
    }

    private static List<UUID> rows(JdbcClient jdbc, UUID orderId) {
        return jdbc.sql("SELECT event_id FROM order_timed_event WHERE order_id = :id ORDER BY due_at, kind")
                .param("id", orderId)
                .query(UUID.class)
                .list();
    }

    private static List<EventEnvelope<QorgauEvent>> eventsOf(EventTopicReader topic, UUID orderId) {
        List<EventEnvelope<QorgauEvent>> events = new ArrayList<>();
        // The register's entry and exit depend on the offender's other orders; SpecialRequirementsTest covers them.
        topic.awaitEvents(0, Duration.ofMillis(500)).stream()
                .filter(event -> event.subject().equals(orderId.toString()))
                .filter(event -> !event.type().startsWith("kz.qorgau.order.register."))
                .forEach(events::add);
        return events;
    }
}
