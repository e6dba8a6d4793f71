package kz.qorgau.kit.parking;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a service does with a record of a parked topic, declared once as a bean: {@link
 * SequencedParking} calls it for records that flow and for replays. Both methods must be safe to call
 * again with the same record (a replay after a crash, an urgent part already done).
 */
public interface ParkedRecordHandler {

    /** Everything the record asks of the service. */
    void handle(ConsumerRecord<String, byte[]> record);

    /**
     * The part that must not wait behind a parked key (notification-service: the police's urgent
     * notices), run before the record is parked. A record it cannot read must not make it fail: the
     * record parks, and its replay will say why. Does nothing by default.
     */
    default void handleUrgent(ConsumerRecord<String, byte[]> record) {}
}
