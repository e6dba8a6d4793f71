package kz.qorgau.audit.checkpoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the newest checkpoint back from the checkpoint topic directly: an assigned partition, no consumer
 * group, nothing committed (docs/adr/0023). The topic is the copy of the checkpoints that whoever controls
 * the audit database cannot rewrite.
 */
final class CheckpointTopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private CheckpointTopicReader() {}

    /** The newest signed note on the topic, if any; waits at most {@code timeout}. */
    static Optional<String> newest(String bootstrapServers, String topic, Duration timeout) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "audit-service-checkpoint-self-check",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            if (end == 0) {
                return Optional.empty();
            }
            consumer.seek(partition, end - 1);
            long deadline = System.nanoTime() + timeout.toNanos();
            String newest = null;
            while (consumer.position(partition, timeout) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    newest = record.value();
                }
            }
            if (newest == null) {
                throw new IllegalStateException("could not read offset " + (end - 1) + " of " + topic);
            }
            return Optional.of(newest);
        }
    }
}
