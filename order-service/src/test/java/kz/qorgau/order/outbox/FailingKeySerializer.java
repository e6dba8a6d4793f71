package kz.qorgau.order.outbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Test-only key serializer for the relay's producer (configured through
 * {@code qorgau.outbox.relay.producer-properties.key.serializer}): refuses the keys of blocked orders,
 * so that the real Kafka client fails those sends while every other order's go through.
 */
public class FailingKeySerializer extends StringSerializer {

    private static final Set<String> BLOCKED = ConcurrentHashMap.newKeySet();

    static void block(String orderId) {
        BLOCKED.add(orderId);
    }

    static void unblock(String orderId) {
        BLOCKED.remove(orderId);
    }

    @Override
    public byte[] serialize(String topic, String key) {
        if (key != null && BLOCKED.contains(key)) {
            throw new SerializationException("test fixture: sends of this order are blocked");
        }
        return super.serialize(topic, key);
    }
}
