package kz.qorgau.order.platform;

import kz.qorgau.events.catalog.Topics;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** order-service owns {@code qorgau.orders}, {@code qorgau.access} and their dead-letter topics (docs/adr/0005). */
@Configuration(proxyBeanMethods = false)
class OrderTopics {

    @Bean
    KafkaAdmin.NewTopics ownedTopics(QorgauKafkaProperties kafka) {
        return new KafkaAdmin.NewTopics(
                Topics.ORDERS.newTopic(kafka.namespace()),
                Topics.ORDERS.newDeadLetterTopic(kafka.namespace()),
                Topics.ACCESS.newTopic(kafka.namespace()),
                Topics.ACCESS.newDeadLetterTopic(kafka.namespace()));
    }
}
