package kz.qorgau.auditlog;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit trail: a record as it was received, and where it stands in the trail.
 * Every field is covered by the entry's leaf hash ({@link TreeHash#leaf}). Times have microsecond precision, which
 * PostgreSQL keeps exactly.
 *
 * <p>Three kinds, three canonical encodings (docs/adr/0008, docs/adr/0012, docs/adr/0031):
 *
 * <ul>
 *   <li>an event with data: encoding version 1, every CloudEvents attribute present, the payload
 *       the record value; no key, headers or reason;
 *   <li>an event without data (the record value was null): version 2, the attributes present, no
 *       payload, the record's key and headers;
 *   <li>a record that could not be read as an event: version 2, no attributes, the value as the
 *       payload (absent when null), the key and headers as received, and why it could not be read.
 * </ul>
 *
 * <p>Since crypto-shredding (docs/adr/0031) every new entry, of any kind, is version 3: version 2's fields,
 * the payload as stored (encrypted under the key named by {@code payloadKey}, or in clear for the service's
 * own entries), and the key's name. Entries appended before keep their version.
 *
 * @param version the canonical encoding of this entry: {@link CanonicalEncoding#VERSION_1} or
 *     {@link CanonicalEncoding#VERSION_2}
 * @param sequence position in the trail: 1, 2, 3, … without gaps
 * @param eventId CloudEvents {@code id}; an event is in the trail at most once
 * @param type CloudEvents {@code type}
 * @param source CloudEvents {@code source}: the producing service
 * @param subject CloudEvents {@code subject}: the order id
 * @param subjectSequence the event's number among its order's events ({@code ce_subjectseq})
 * @param time CloudEvents {@code time}, truncated to microseconds
 * @param dataContentType the {@code content-type} header as received, or {@code null}
 * @param dataSchema the {@code ce_dataschema} header as received, or {@code null}
 * @param topic the Kafka topic the record was read from
 * @param partition its partition
 * @param offset its offset
 * @param recordedAt when the writer appended it, to the microsecond
 * @param payload the record value exactly as received (sealed fields stay sealed); {@code null}
 *     when the record had none
 * @param key the record key as received, {@code null} when it had none or for version 1
 * @param headers the record headers in their order, {@code null} for version 1
 * @param unreadable why the record could not be read as an event; {@code null} for an event
 * @param payloadKey version 3: the name of the key the stored payload is encrypted under; {@code null} when the
 *     payload is stored in clear (the service's own entries) or absent, and always for versions 1 and 2
 */
public record AuditEntry(
        int version,
        long sequence,
        @Nullable UUID eventId,
        @Nullable String type,
        @Nullable String source,
        @Nullable String subject,
        @Nullable Long subjectSequence,
        @Nullable Instant time,
        @Nullable String dataContentType,
        @Nullable String dataSchema,
        String topic,
        int partition,
        long offset,
        Instant recordedAt,
        byte @Nullable [] payload,
        byte @Nullable [] key,
        @Nullable List<RecordHeader> headers,
        @Nullable String unreadable,
        @Nullable String payloadKey) {

    /** The times the canonical encoding can write: four-digit years. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** An entry without a payload key: versions 1 and 2, or a version 3 entry whose payload is in clear. */
    public AuditEntry(
            int version,
            long sequence,
            @Nullable UUID eventId,
            @Nullable String type,
            @Nullable String source,
            @Nullable String subject,
            @Nullable Long subjectSequence,
            @Nullable Instant time,
            @Nullable String dataContentType,
            @Nullable String dataSchema,
            String topic,
            int partition,
            long offset,
            Instant recordedAt,
            byte @Nullable [] payload,
            byte @Nullable [] key,
            @Nullable List<RecordHeader> headers,
            @Nullable String unreadable) {
        this(
                version,
                sequence,
                eventId,
                type,
                source,
                subject,
                subjectSequence,
                time,
                dataContentType,
                dataSchema,
                topic,
                partition,
                offset,
                recordedAt,
                payload,
                key,
                headers,
                unreadable,
                null);
    }

    /** An event with data: encoding version 1. */
    public AuditEntry(
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
        this(
                CanonicalEncoding.VERSION_1,
                sequence,
                eventId,
                type,
                source,
                subject,
                subjectSequence,
                time,
                dataContentType,
                dataSchema,
                topic,
                partition,
                offset,
                recordedAt,
                payload,
                null,
                null,
                null);
    }

    public AuditEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        requireText("topic", topic);
        requireTime("recordedAt", recordedAt);
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("partition and offset are never negative");
        }
        boolean event = unreadable == null;
        if (event) {
            Objects.requireNonNull(eventId, "eventId");
            requireText("type", type);
            requireText("source", source);
            requireText("subject", subject);
            requireTime("time", time);
            if (subjectSequence == null || subjectSequence < 0) {
                throw new IllegalArgumentException("an event's subjectSequence is never negative");
            }
            if (dataContentType != null) {
                requireText("dataContentType", dataContentType);
            }
            if (dataSchema != null) {
                requireText("dataSchema", dataSchema);
            }
        } else {
            requireText("unreadable", unreadable);
            if (eventId != null
                    || type != null
                    || source != null
                    || subject != null
                    || subjectSequence != null
                    || time != null
                    || dataContentType != null
                    || dataSchema != null) {
                throw new IllegalArgumentException("a record that could not be read has no event attributes");
            }
        }
        switch (version) {
            case CanonicalEncoding.VERSION_1 -> {
                if (!event || payload == null || key != null || headers != null) {
                    throw new IllegalArgumentException(
                            "version 1 holds events with data, without key, headers or reason");
                }
            }
            case CanonicalEncoding.VERSION_2 -> {
                if (headers == null) {
                    throw new IllegalArgumentException("version 2 keeps the record's headers");
                }
                if (event && payload != null) {
                    throw new IllegalArgumentException("an event with data is version 1");
                }
            }
            case CanonicalEncoding.VERSION_3 -> {
                if (headers == null) {
                    throw new IllegalArgumentException("version 3 keeps the record's headers");
                }
                if (payloadKey != null) {
                    requireText("payloadKey", payloadKey);
                    if (payload == null) {
                        throw new IllegalArgumentException("a payload key only with a payload");
                    }
                }
            }
            default -> throw new IllegalArgumentException("no canonical encoding version " + version);
        }
        if (version != CanonicalEncoding.VERSION_3 && payloadKey != null) {
            throw new IllegalArgumentException("only version 3 names a payload key");
        }
        payload = payload == null ? null : payload.clone();
        key = key == null ? null : key.clone();
        headers = headers == null ? null : List.copyOf(headers);
    }

    /** Whether the record could not be read as an event, and was appended raw. */
    public boolean isUnreadable() {
        return unreadable != null;
    }

    @Override
    public byte @Nullable [] payload() {
        return payload == null ? null : payload.clone();
    }

    @Override
    public byte @Nullable [] key() {
        return key == null ? null : key.clone();
    }

    /**
     * This entry with its payload as stored: encrypted under the key {@code payloadKey} (version 3 only), or
     * the payload in clear when {@code payloadKey} is {@code null}.
     */
    public AuditEntry withStoredPayload(byte[] storedPayload, @Nullable String payloadKey) {
        return new AuditEntry(
                version,
                sequence,
                eventId,
                type,
                source,
                subject,
                subjectSequence,
                time,
                dataContentType,
                dataSchema,
                topic,
                partition,
                offset,
                recordedAt,
                storedPayload,
                key,
                headers,
                unreadable,
                payloadKey);
    }

    /** Whether {@code value} can be stored as PostgreSQL text: not null and without NUL characters. */
    public static boolean isStorableText(String value) {
        return value != null && value.indexOf('\0') < 0;
    }

    /** Whether {@code time} has microsecond precision and a four-digit year. */
    public static boolean isStorableTime(Instant time) {
        return time != null && time.getNano() % 1000 == 0 && !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }

    private static void requireText(String field, @Nullable String value) {
        if (value == null || !isStorableText(value)) {
            throw new IllegalArgumentException(field + " must be text without NUL characters");
        }
    }

    private static void requireTime(String field, @Nullable Instant value) {
        if (value == null || !isStorableTime(value)) {
            throw new IllegalArgumentException(field + " must have microsecond precision and a four-digit year");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditEntry that
                && version == that.version
                && sequence == that.sequence
                && partition == that.partition
                && offset == that.offset
                && Objects.equals(eventId, that.eventId)
                && Objects.equals(type, that.type)
                && Objects.equals(source, that.source)
                && Objects.equals(subject, that.subject)
                && Objects.equals(subjectSequence, that.subjectSequence)
                && Objects.equals(time, that.time)
                && Objects.equals(dataContentType, that.dataContentType)
                && Objects.equals(dataSchema, that.dataSchema)
                && topic.equals(that.topic)
                && recordedAt.equals(that.recordedAt)
                && Arrays.equals(payload, that.payload)
                && Arrays.equals(key, that.key)
                && Objects.equals(headers, that.headers)
                && Objects.equals(unreadable, that.unreadable)
                && Objects.equals(payloadKey, that.payloadKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, eventId, topic, partition, offset);
    }

    /** Without the payload, key or headers, which may be large and are no business of logs. */
    @Override
    public String toString() {
        String what = unreadable != null ? "unreadable record" : type + " " + eventId;
        return "AuditEntry[" + sequence + ", v" + version + ", " + what + ", " + topic + "-" + partition + "@" + offset
                + "]";
    }
}
