package kz.qorgau.events.envelope;

import kz.qorgau.events.EventContractException;
import kz.qorgau.events.QorgauEvent;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for {@link EventEnvelope}s (binary mode). Contract violations throw
 * {@link EventContractException}; wrapped in Spring Kafka's {@code ErrorHandlingDeserializer} they
 * become a {@code DeserializationException}, which the default error handler does not retry, so the
 * record goes straight to the dead-letter topic with its original bytes.
 *
 * <p>A value deserializer cannot see the record key; listeners should still check {@code key ==
 * envelope.subject()} (or use {@link EventCodec#fromConsumerRecord}).
 */
public class EventEnvelopeDeserializer implements Deserializer<EventEnvelope<QorgauEvent>> {

    private final EventCodec codec;

    public EventEnvelopeDeserializer() {
        this(new EventCodec());
    }

    public EventEnvelopeDeserializer(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public EventEnvelope<QorgauEvent> deserialize(String topic, byte[] data) {
        throw new EventContractException(null, "headers", "binary mode needs the record headers");
    }

    @Override
    public EventEnvelope<QorgauEvent> deserialize(String topic, Headers headers, byte[] data) {
        return codec.decode(headers, data);
    }
}
