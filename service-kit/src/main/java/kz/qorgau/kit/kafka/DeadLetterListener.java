package kz.qorgau.kit.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Told of every record the kit's error handler has written to {@code <topic>-dlt}, after the write
 * succeeded (the parking keeps the head of a sequence this way). Runs on the consumer's thread; if it
 * throws, the record is not committed and comes again.
 */
@FunctionalInterface
public interface DeadLetterListener {

    /**
     * @param record the record as it was read
     * @param reason {@link ConsumerFailures#reason}: no data, safe to store and log
     */
    void deadLettered(ConsumerRecord<?, ?> record, String reason);
}
