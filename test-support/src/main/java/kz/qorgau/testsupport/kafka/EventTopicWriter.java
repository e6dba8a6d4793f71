package kz.qorgau.testsupport.kafka;

import io.cloudevents.kafka.CloudEventSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.infrastructure.kafka.KafkaEndpoint;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts records on a topic as a producer service would (CloudEvents binary mode, key = order id,
 * acks=all), or puts raw bytes there as a broken producer might. Every send waits for the ack.
 */
public final class EventTopicWriter implements AutoCloseable {

    private static final EventCodec CODEC = new EventCodec();

    private final KafkaProducer<String, byte[]> producer;
    private final CloudEventSerializer cloudEvents = new CloudEventSerializer();

    private EventTopicWriter(KafkaProducer<String, byte[]> producer) {
        this.producer = producer;
        cloudEvents.configure(Map.of(), false);
    }

    public static EventTopicWriter open(KafkaEndpoint kafka) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new EventTopicWriter(new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer()));
    }

    /** Sends one event to {@code topic} (a real, namespaced name) and waits for the broker's ack. */
    public RecordMetadata send(String topic, EventEnvelope<?> envelope) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, envelope.subject(), null);
        byte[] value = cloudEvents.serialize(topic, record.headers(), CODEC.toCloudEvent(envelope));
        // As the kit's relay does: the W3C header beside ce_traceparent, which a consumer's span continues.
        if (envelope.traceparent() != null) {
            record.headers().add("traceparent", envelope.traceparent().getBytes(StandardCharsets.US_ASCII));
        }
        return await(new ProducerRecord<>(topic, null, envelope.subject(), value, record.headers()));
    }

    /** Sends raw bytes with the given headers (e.g. a poison record) and waits for the ack. */
    public RecordMetadata sendRaw(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        return await(record);
    }

    private RecordMetadata await(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge a record on " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
