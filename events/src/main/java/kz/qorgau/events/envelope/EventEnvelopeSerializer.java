package kz.qorgau.events.envelope;

import io.cloudevents.kafka.CloudEventSerializer;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka value serializer for {@link EventEnvelope}s: {@link EventCodec} plus the CloudEvents SDK's
 * binary-mode {@link CloudEventSerializer}. Keys are the subjects, mostly order ids ({@code
 * StringSerializer}).
 */
public class EventEnvelopeSerializer implements Serializer<EventEnvelope<?>> {

    private final EventCodec codec;
    private final CloudEventSerializer cloudEvents = new CloudEventSerializer();

    public EventEnvelopeSerializer() {
        this(new EventCodec());
    }

    public EventEnvelopeSerializer(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // Rejects use as a key serializer; binary mode is the default encoding.
        cloudEvents.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, EventEnvelope<?> envelope) {
        throw new UnsupportedOperationException("binary mode needs headers: use serialize(topic, headers, envelope)");
    }

    @Override
    public byte[] serialize(String topic, Headers headers, EventEnvelope<?> envelope) {
        return envelope == null ? null : cloudEvents.serialize(topic, headers, codec.toCloudEvent(envelope));
    }
}
