package kz.qorgau.audit.checkpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a one-partition topic of audit-service's own (the checkpoints, the log of docs/adr/0032) directly: an
 * assigned partition, no consumer group, nothing committed.
 */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private TopicReader() {}

    /**
     * Every record from {@code from} records before the end (or from the start when {@code from} is negative)
     * to the end as it was when reading began.
     *
     * @throws IllegalStateException when the end is not reached within {@code timeout}
     */
    public static void read(
            String bootstrapServers,
            String topic,
            long from,
            Duration timeout,
            Consumer<ConsumerRecord<String, String>> each) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "audit-service-own-topics",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                1000);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            List<TopicPartition> partitions = List.of(partition);
            consumer.assign(partitions);
            long start = consumer.beginningOffsets(partitions, timeout).get(partition);
            long end = consumer.endOffsets(partitions, timeout).get(partition);
            if (end <= start) {
                return;
            }
            consumer.seek(partition, from < 0 ? start : Math.max(start, end - from));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(partition, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() < end) {
                        each.accept(record);
                    }
                }
            }
        }
    }

    /** Every value of the topic, oldest first. */
    public static List<String> values(String bootstrapServers, String topic, Duration timeout) {
        List<String> values = new ArrayList<>();
        read(bootstrapServers, topic, -1, timeout, record -> values.add(record.value()));
        return values;
    }
}
