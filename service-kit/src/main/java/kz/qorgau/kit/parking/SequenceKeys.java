package kz.qorgau.kit.parking;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The sequence a record belongs to: by default its Kafka key. A record without one parks nothing and is
 * never held back. A service may narrow it (notification-service: only a key that can be an order id).
 */
@FunctionalInterface
public interface SequenceKeys {

    /** Longer keys than the parking table holds are no sequence. */
    int MAX_LENGTH = 255;

    Optional<String> of(ConsumerRecord<?, ?> record);

    /** The Kafka key, if it is a non-blank string of at most {@value #MAX_LENGTH} characters. */
    static SequenceKeys recordKey() {
        return record -> record.key() instanceof String key && !key.isBlank() && key.length() <= MAX_LENGTH
                ? Optional.of(key)
                : Optional.empty();
    }
}
