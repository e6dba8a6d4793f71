package kz.qorgau.audit.entry;

import java.time.Instant;
import java.util.List;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import kz.qorgau.auditlog.RecordHeader;
import kz.qorgau.events.catalog.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

/**
 * A record that could not be read as a Qorgau event: not a CloudEvent, missing or invalid
 * attributes, a key that is not the subject, what PostgreSQL cannot store as text, a time out of
 * range. It is appended raw (key, headers and value exactly as received) and flagged with the
 * reason, never sent elsewhere: the trail holds every record of its topics (docs/adr/0012).
 */
record UnreadableRecord(
        String topic,
        int partition,
        long offset,
        byte @Nullable [] key,
        List<RecordHeader> headers,
        byte @Nullable [] value,
        String reason)
        implements ReceivedRecord {

    /**
     * The reason of a record read from a dead-letter topic: a consumer could not handle the original, which the
     * trail already holds; the copy, with the {@code kafka_dlt-*} headers saying why, is kept raw, never decoded.
     */
    static final String DEAD_LETTER = "a dead letter: kept raw, never decoded";

    static boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(Topics.DEAD_LETTER_SUFFIX);
    }

    /** Read from a dead-letter topic, rather than unreadable. */
    boolean deadLetter() {
        return isDeadLetterTopic(topic);
    }

    static UnreadableRecord of(ConsumerRecord<byte[], byte[]> record, String reason) {
        return new UnreadableRecord(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                ReceivedRecord.headers(record),
                record.value(),
                reason);
    }

    @Override
    public AuditEntry toEntry(long sequence, Instant recordedAt) {
        return new AuditEntry(
                CanonicalEncoding.VERSION_3,
                sequence,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                topic,
                partition,
                offset,
                recordedAt,
                value,
                key,
                headers,
                reason);
    }

    @Override
    public String toString() {
        return "UnreadableRecord[" + topic + "-" + partition + "@" + offset + "]";
    }
}
