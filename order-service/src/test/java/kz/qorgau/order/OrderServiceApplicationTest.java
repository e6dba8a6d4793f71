package kz.qorgau.order;

import java.time.Duration;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.kit.leader.LeaderContract;
import kz.qorgau.kit.leader.LeaderLock;
import kz.qorgau.kit.leader.LeaderSessions;
import kz.qorgau.kit.outbox.OutboxProperties;
import kz.qorgau.kit.outbox.OutboxRelay;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.http.ManagementEndpoints;
import kz.qorgau.testsupport.kafka.TopicAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure(sharedContext = "order-service")
class OrderServiceApplicationTest extends LeaderContract {

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcConnectionDetails database;

    @Autowired
    OutboxProperties outbox;

    @Autowired
    JdbcClient jdbc;

    @Value("${local.management.port}")
    int managementPort;

    @Test
    void isHealthyWithPrometheusMetricsOnTheManagementPort() {
        new ManagementEndpoints(managementPort).assertHealthyWithMetrics("order-service");
    }

    @Test
    void createsTheOrdersTopicAndItsDeadLetterTopic() {
        TopicAssertions.assertTopic(
                infrastructure.kafka(), infrastructure.topic(Topics.ORDERS_TOPIC), 6, Topics.ORDERS.retention());
        TopicAssertions.assertTopic(
                infrastructure.kafka(), infrastructure.topic(Topics.ORDERS_DLT_TOPIC), 6, Topics.ORDERS.retention());
    }

    /** The kit's leader contract: the outbox relay's lock, sessions as the relay opens them. */
    @Override
    protected LeaderSessions leaderSessions() {
        return new LeaderSessions(
                database, "order-service leader contract", outbox.relay().lease());
    }

    @Override
    protected LeaderLock serviceLeaderLock() {
        return OutboxRelay.LOCK;
    }

    @Override
    protected Duration serviceLease() {
        return outbox.relay().lease();
    }

    @Override
    protected JdbcClient serviceJdbc() {
        return jdbc;
    }
}
