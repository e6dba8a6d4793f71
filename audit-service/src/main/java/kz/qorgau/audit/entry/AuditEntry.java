package kz.qorgau.audit.entry;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit trail: an event as it was received, and where it stands in the trail.
 * Every field is covered by the entry's {@link LeafHash}. Times have microsecond precision, which
 * PostgreSQL keeps exactly.
 *
 * @param sequence position in the trail: 1, 2, 3, … without gaps
 * @param eventId CloudEvents {@code id}; an event is in the trail at most once
 * @param type CloudEvents {@code type}
 * @param source CloudEvents {@code source}: the producing service
 * @param subject CloudEvents {@code subject}: the order id
 * @param subjectSequence the event's number among its order's events ({@code ce_subjectseq})
 * @param time CloudEvents {@code time}, truncated to microseconds
 * @param dataContentType the {@code content-type} header as received, or {@code null}
 * @param dataSchema the {@code ce_dataschema} header as received, or {@code null}
 * @param topic the Kafka topic the event was read from
 * @param partition its partition
 * @param offset its offset
 * @param recordedAt when the writer appended it, to the microsecond
 * @param payload the CloudEvent data exactly as received (sealed fields stay sealed)
 */
public record AuditEntry(
        long sequence,
        UUID eventId,
        String type,
        String source,
        String subject,
        long subjectSequence,
        Instant time,
        @Nullable String dataContentType,
        @Nullable String dataSchema,
        String topic,
        int partition,
        long offset,
        Instant recordedAt,
        byte[] payload) {

    /** The times the canonical encoding can write: four-digit years. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public AuditEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        Objects.requireNonNull(eventId, "eventId");
        requireText("type", type);
        requireText("source", source);
        requireText("subject", subject);
        requireText("topic", topic);
        if (dataContentType != null) {
            requireText("dataContentType", dataContentType);
        }
        if (dataSchema != null) {
            requireText("dataSchema", dataSchema);
        }
        requireTime("time", time);
        requireTime("recordedAt", recordedAt);
        if (subjectSequence < 0 || partition < 0 || offset < 0) {
            throw new IllegalArgumentException("subjectSequence, partition and offset are never negative");
        }
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Whether {@code value} can be stored as PostgreSQL text: not null and without NUL characters. */
    public static boolean isStorableText(String value) {
        return value != null && value.indexOf('\0') < 0;
    }

    /** Whether {@code time} has microsecond precision and a four-digit year. */
    public static boolean isStorableTime(Instant time) {
        return time != null && time.getNano() % 1000 == 0 && !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }

    private static void requireText(String field, String value) {
        if (!isStorableText(value)) {
            throw new IllegalArgumentException(field + " must be text without NUL characters");
        }
    }

    private static void requireTime(String field, Instant value) {
        if (!isStorableTime(value)) {
            throw new IllegalArgumentException(field + " must have microsecond precision and a four-digit year");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditEntry that
                && sequence == that.sequence
                && subjectSequence == that.subjectSequence
                && partition == that.partition
                && offset == that.offset
                && eventId.equals(that.eventId)
                && type.equals(that.type)
                && source.equals(that.source)
                && subject.equals(that.subject)
                && time.equals(that.time)
                && Objects.equals(dataContentType, that.dataContentType)
                && Objects.equals(dataSchema, that.dataSchema)
                && topic.equals(that.topic)
                && recordedAt.equals(that.recordedAt)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, eventId, topic, partition, offset);
    }

    /** Without the payload, which may be large and is no business of logs. */
    @Override
    public String toString() {
        return "AuditEntry[" + sequence + ", " + type + " " + eventId + ", " + topic + "-" + partition + "@" + offset
                + "]";
    }
}
