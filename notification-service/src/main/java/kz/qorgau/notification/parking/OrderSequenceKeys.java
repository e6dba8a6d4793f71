package kz.qorgau.notification.parking;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.kit.parking.SequenceKeys;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * An order's sequence is its id, the Kafka key of its events. A key that cannot be an order id (not a
 * UUID) belongs to no order's sequence, so it parks nothing: like a keyless record, it is only
 * dead-lettered.
 */
@Component
class OrderSequenceKeys implements SequenceKeys {

    @Override
    public Optional<String> of(ConsumerRecord<?, ?> record) {
        if (!(record.key() instanceof String key)) {
            return Optional.empty();
        }
        try {
            return UUID.fromString(key).toString().equals(key.toLowerCase(Locale.ROOT))
                    ? Optional.of(key)
                    : Optional.empty();
        } catch (IllegalArgumentException notAnOrderId) {
            return Optional.empty();
        }
    }
}
