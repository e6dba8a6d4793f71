package kz.qorgau.order.platform;

import kz.qorgau.events.catalog.TopicSpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Qorgau's own Kafka settings ({@code qorgau.kafka.*}); the client settings are Spring's
 * ({@code spring.kafka.*}).
 *
 * @param namespace prefixed to every topic name: empty in production, a fresh one per test class
 *     (docs/adr/0005)
 */
@ConfigurationProperties("qorgau.kafka")
public record QorgauKafkaProperties(@DefaultValue("") String namespace) {

    /** The real name of a catalogued topic in this namespace. */
    public String topic(TopicSpec topic) {
        return topic.nameIn(namespace);
    }
}
