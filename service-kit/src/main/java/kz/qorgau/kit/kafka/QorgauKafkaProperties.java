package kz.qorgau.kit.kafka;

import java.time.Duration;
import kz.qorgau.events.catalog.TopicSpec;
import kz.qorgau.events.catalog.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Qorgau's own Kafka settings ({@code qorgau.kafka.*}), the same in every service; the client settings
 * are Spring's ({@code spring.kafka.*}).
 *
 * @param namespace prefixed to every topic name and consumer group: empty in production, a fresh one
 *     per test class (docs/adr/0005)
 * @param retry how a record whose processing failed is retried before it goes to the dead-letter topic
 */
@ConfigurationProperties("qorgau.kafka")
public record QorgauKafkaProperties(@DefaultValue("") String namespace, @DefaultValue Retry retry) {

    /** The real name of a catalogued topic in this namespace. */
    public String topic(TopicSpec topic) {
        return topic.nameIn(namespace);
    }

    /**
     * The consumer group {@code name} in this namespace; namespaced like the topics so that test classes
     * sharing a broker never rebalance each other's consumers.
     */
    public String group(String name) {
        return Topics.inNamespace(namespace, name);
    }

    /** The topic's catalogue name for a real (namespaced) name, for metric tags. */
    public String catalogueName(String topic) {
        String prefix = namespace.isEmpty() ? "" : namespace + ".";
        return topic.startsWith(prefix) ? topic.substring(prefix.length()) : topic;
    }

    /**
     * @param interval pause between attempts of a failing record
     * @param attempts retries after the first failure before the record is dead-lettered
     * @param maxUnavailableInterval longest pause between attempts while PostgreSQL or Kafka is
     *     unreachable; such failures are retried until the dependency is back, never dead-lettered
     */
    public record Retry(
            @DefaultValue("1s") Duration interval,
            @DefaultValue("2") int attempts,
            @DefaultValue("30s") Duration maxUnavailableInterval) {}
}
