package kz.qorgau.notification.platform;

import kz.qorgau.events.catalog.Topics;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** notification-service owns {@code qorgau.notifications} and its dead-letter topic (docs/adr/0005). */
@Configuration(proxyBeanMethods = false)
class NotificationTopics {

    @Bean
    KafkaAdmin.NewTopics ownedTopics(QorgauKafkaProperties kafka) {
        return new KafkaAdmin.NewTopics(
                Topics.NOTIFICATIONS.newTopic(kafka.namespace()),
                Topics.NOTIFICATIONS.newDeadLetterTopic(kafka.namespace()));
    }
}
