package kz.qorgau.testsupport.kafka;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.infrastructure.kafka.KafkaEndpoint;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning with a plain Kafka consumer of its own group, as any outside
 * consumer would: what a test sees is what is on the broker, not what a service thinks it sent.
 */
public final class EventTopicReader implements AutoCloseable {

    private static final EventCodec CODEC = new EventCodec();

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    private EventTopicReader(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    public static EventTopicReader open(KafkaEndpoint kafka, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return new EventTopicReader(consumer);
    }

    /** Waits until at least {@code atLeast} records have arrived; returns all seen so far, in partition order. */
    public List<ConsumerRecord<String, byte[]>> awaitRawRecords(int atLeast, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return records.size() >= atLeast;
        });
        return List.copyOf(records);
    }

    /** As {@link #awaitRawRecords}, decoded as CloudEvents; a record that breaks the contract fails the test. */
    public List<EventEnvelope<QorgauEvent>> awaitEvents(int atLeast, Duration timeout) {
        return awaitRawRecords(atLeast, timeout).stream()
                .map(EventTopicReader::decode)
                .toList();
    }

    /** Everything that arrives within {@code window}, for asserting that nothing more comes. */
    public List<ConsumerRecord<String, byte[]>> drain(Duration window) {
        long until = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < until) {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    /** Decodes one raw record into the contract's envelope (and checks key = subject). */
    public static EventEnvelope<QorgauEvent> decode(ConsumerRecord<String, byte[]> record) {
        return CODEC.decode(record);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
