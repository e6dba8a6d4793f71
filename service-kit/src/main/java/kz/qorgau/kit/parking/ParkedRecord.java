package kz.qorgau.kit.parking;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * A record held in the parking table, as it was read from Kafka.
 *
 * @param id its place in the key's sequence (the lowest is the head)
 * @param reason why it failed, for a record that did (the head); {@code null} for one parked only
 *     because an earlier record of its key failed
 */
public record ParkedRecord(
        long id,
        String key,
        String topic,
        int partition,
        long offset,
        List<Header> headers,
        byte[] value,
        long timestamp,
        OffsetDateTime parkedAt,
        String reason) {

    public ParkedRecord {
        headers = List.copyOf(headers);
    }

    /** The record as the listener read it, for a replay or to say what discarding it means. */
    public ConsumerRecord<String, byte[]> toConsumerRecord() {
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                timestamp,
                TimestampType.CREATE_TIME,
                ConsumerRecord.NULL_SIZE,
                value == null ? ConsumerRecord.NULL_SIZE : value.length,
                key,
                value,
                new RecordHeaders(headers),
                Optional.empty());
    }

    /** A header's text, for the CloudEvents attributes an operator sees ({@code ce_id}, {@code ce_type}). */
    public String header(String name) {
        String found = null;
        for (Header header : headers) {
            if (header.key().equals(name) && header.value() != null) {
                found = new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return found;
    }
}
