package kz.qorgau.notification;

import kz.qorgau.events.catalog.Topics;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Stands in for order-service, which owns {@code qorgau.orders}, {@code qorgau.access} and their dead-letter topics
 * (docs/adr/0005): creates them in the test class's namespace before the listener starts.
 */
@TestConfiguration(proxyBeanMethods = false)
class OrderServiceTopics {

    @Bean
    KafkaAdmin.NewTopics ordersTopicOfOrderService(QorgauKafkaProperties kafka) {
        return new KafkaAdmin.NewTopics(
                Topics.ORDERS.newTopic(kafka.namespace()),
                Topics.ORDERS.newDeadLetterTopic(kafka.namespace()),
                Topics.ACCESS.newTopic(kafka.namespace()),
                Topics.ACCESS.newDeadLetterTopic(kafka.namespace()));
    }
}
