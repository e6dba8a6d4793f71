package kz.qorgau.order;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.order.timed.TimedEvents;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The base of HTTP tests of changes in the context the order-service tests share (one context start,
 * one database, one topic namespace): clients of officer-a and supervisor-a, a reader of {@code
 * qorgau.orders}, the clock's events to drive, and fresh write limits before each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure(sharedContext = "order-service")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OrderServiceHttpTest {

    protected static final Duration WITHIN = Duration.ofSeconds(30);

    @Autowired
    protected TestInfrastructure infrastructure;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TimedEvents timedEvents;

    @LocalServerPort
    protected int port;

    protected ApiClient officer;
    protected ApiClient supervisor;
    protected EventTopicReader topic;

    @BeforeAll
    void openClients() {
        officer = new ApiClient(port, infrastructure.identity(), Persona.OFFICER_A);
        supervisor = officer.as(Persona.SUPERVISOR_A);
        topic = EventTopicReader.open(infrastructure.kafka(), infrastructure.topic(Topics.ORDERS_TOPIC));
    }

    /** The classes sharing this context write as the same personas: each test starts within its write limit. */
    @BeforeEach
    void freshWriteLimits() {
        jdbc.sql("DELETE FROM access_rate_bucket").update();
    }

    @AfterAll
    void closeClients() {
        topic.close();
    }

    /** The events of {@code subject} on {@code qorgau.orders}, once one of {@code lastType} is among them. */
    protected List<EventEnvelope<QorgauEvent>> eventsUntil(String subject, String lastType) {
        List<EventEnvelope<QorgauEvent>> found = new ArrayList<>();
        await().atMost(WITHIN).until(() -> {
            found.clear();
            topic.awaitEvents(0, Duration.ofSeconds(1)).stream()
                    .filter(event -> event.subject().equals(subject))
                    .forEach(found::add);
            return found.stream().anyMatch(event -> event.type().equals(lastType));
        });
        return found;
    }

    /** A POST that names {@code etag} in If-Match. */
    protected static HttpResponse<String> change(ApiClient api, String path, String body, String etag) {
        return api.post(path, body, Map.of("If-Match", etag));
    }

    protected static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + response));
    }
}
