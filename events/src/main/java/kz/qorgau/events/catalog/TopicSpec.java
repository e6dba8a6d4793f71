package kz.qorgau.events.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What a Kafka topic is for and how it must be created.
 *
 * @param name the topic name
 * @param partitions partition count; its dead-letter topic needs the same count, because Spring
 *     Kafka's {@code DeadLetterPublishingRecoverer} writes to the same partition number
 * @param retention how long the broker keeps records ({@code retention.ms})
 * @param key what the record key is
 * @param eventTypes the CloudEvents types published on the topic
 * @param producer the one service that writes the topic
 * @param consumers the services that read it
 */
public record TopicSpec(
        String name,
        int partitions,
        Duration retention,
        String key,
        List<String> eventTypes,
        String producer,
        List<String> consumers) {

    public TopicSpec {
        if (name == null || name.isBlank() || partitions < 1 || retention == null || retention.isNegative()) {
            throw new IllegalArgumentException("a topic needs a name, at least one partition and a retention");
        }
        eventTypes = List.copyOf(eventTypes);
        consumers = List.copyOf(consumers);
    }

    /** The name of this topic's dead-letter topic: {@code <name>-dlt}. */
    public String deadLetterTopic() {
        return Topics.deadLetterTopic(name);
    }

    /** This topic's name inside a namespace ({@link Topics#inNamespace}). */
    public String nameIn(String namespace) {
        return Topics.inNamespace(namespace, name);
    }

    /** This topic's dead-letter topic inside a namespace. */
    public String deadLetterTopicIn(String namespace) {
        return Topics.inNamespace(namespace, deadLetterTopic());
    }

    /** The topic as the Kafka admin client creates it, inside a namespace. */
    public NewTopic newTopic(String namespace) {
        return new NewTopic(nameIn(namespace), partitions, (short) -1).configs(topicConfig());
    }

    /** The dead-letter topic as the admin client creates it: same partitions, same retention. */
    public NewTopic newDeadLetterTopic(String namespace) {
        return new NewTopic(deadLetterTopicIn(namespace), partitions, (short) -1).configs(topicConfig());
    }

    private Map<String, String> topicConfig() {
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
    }
}
