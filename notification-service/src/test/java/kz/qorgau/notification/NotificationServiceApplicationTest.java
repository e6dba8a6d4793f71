package kz.qorgau.notification;

import kz.qorgau.events.catalog.Topics;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.http.ManagementEndpoints;
import kz.qorgau.testsupport.kafka.TopicAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure(smtp = true, sharedContext = "notification-service")
class NotificationServiceApplicationTest {

    @Autowired
    TestInfrastructure infrastructure;

    @Value("${local.management.port}")
    int managementPort;

    @Test
    void isHealthyWithPrometheusMetricsOnTheManagementPort() {
        new ManagementEndpoints(managementPort).assertHealthyWithMetrics("notification-service");
    }

    @Test
    void createsTheNotificationsTopicAndItsDeadLetterTopic() {
        TopicAssertions.assertTopic(
                infrastructure.kafka(),
                infrastructure.topic(Topics.NOTIFICATIONS_TOPIC),
                6,
                Topics.NOTIFICATIONS.retention());
        TopicAssertions.assertTopic(
                infrastructure.kafka(),
                infrastructure.topic(Topics.NOTIFICATIONS_DLT_TOPIC),
                6,
                Topics.NOTIFICATIONS.retention());
    }
}
