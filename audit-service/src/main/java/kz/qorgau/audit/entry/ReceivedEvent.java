package kz.qorgau.audit.entry;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import kz.qorgau.auditlog.RecordHeader;
import kz.qorgau.events.EventContractException;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.EventType;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.envelope.CloudEventExtensions;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * A consumed record that is a Qorgau event, with what the trail keeps of it; it becomes an {@link
 * AuditEntry} once the writer gives it a place in the trail: an entry of encoding version 3, with its key and
 * headers, its payload sealed under its subject's key (docs/adr/0031).
 *
 * @param payload the record value as received, or {@code null} for an event without data
 */
record ReceivedEvent(
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
        byte @Nullable [] payload,
        byte @Nullable [] key,
        List<RecordHeader> headers)
        implements ReceivedRecord {

    /** The Kafka binding's header for {@code datacontenttype}. */
    static final String CONTENT_TYPE_HEADER = "content-type";

    static final String DATA_SCHEMA_HEADER = CloudEventExtensions.header("dataschema");

    static final String TYPE_HEADER = CloudEventExtensions.header("type");

    /**
     * Reads a record with the contract's codec; the payload is kept as the exact bytes received. A
     * well-formed type this build does not know yet (a newer producer's event), and an event of any
     * well-formed type without data, is recorded from its CloudEvents attributes alone: the trail
     * must hold every event, not only known ones.
     *
     * @throws RuntimeException (most often {@link EventContractException}) when the record is not a
     *     valid Qorgau CloudEvent, or holds what the trail cannot store; {@link ReceivedRecord#read}
     *     then keeps it raw
     */
    static ReceivedEvent from(ConsumerRecord<byte[], byte[]> record, EventCodec codec) {
        String type = header(record, TYPE_HEADER);
        if (record.value() == null || EventTypes.isFutureType(type)) {
            return fromAttributes(record, type);
        }
        EventEnvelope<QorgauEvent> envelope = codec.decode(record.headers(), record.value());
        return of(
                record,
                envelope.id(),
                envelope.type(),
                envelope.source().toString(),
                envelope.subject(),
                envelope.sequence(),
                envelope.time());
    }

    private static ReceivedEvent fromAttributes(ConsumerRecord<byte[], byte[]> record, @Nullable String type) {
        if (!EventType.isWellFormed(type)) {
            throw new EventContractException(null, "ce_type", "must be kz.qorgau.<aggregate>.<event>.v<N>");
        }
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record.headers(), record.value())
                    .toEvent();
        } catch (RuntimeException e) {
            throw new EventContractException(type, "headers", "not a CloudEvents 1.0 binary-mode record", e);
        }
        UUID id;
        try {
            id = UUID.fromString(event.getId());
        } catch (IllegalArgumentException e) {
            throw new EventContractException(type, "ce_id", "must be a UUID", e);
        }
        if (event.getSubject() == null || event.getTime() == null) {
            throw new EventContractException(type, "ce_subject", "subject and time are required");
        }
        long sequence;
        try {
            sequence = Long.parseLong(String.valueOf(event.getExtension(CloudEventExtensions.SEQUENCE)));
        } catch (NumberFormatException e) {
            throw new EventContractException(type, "ce_" + CloudEventExtensions.SEQUENCE, "must be a number", e);
        }
        if (sequence < 1) {
            throw new EventContractException(type, "ce_" + CloudEventExtensions.SEQUENCE, "must be at least 1");
        }
        return of(record, id, type, event.getSource().toString(), event.getSubject(), sequence, event.getTime());
    }

    private static ReceivedEvent of(
            ConsumerRecord<byte[], byte[]> record,
            UUID id,
            String type,
            String source,
            String subject,
            long subjectSequence,
            OffsetDateTime eventTime) {
        EventCodec.requireKeyIsSubject(type, ReceivedRecord.keyText(record.key()), subject);
        Instant time = eventTime.toInstant().truncatedTo(ChronoUnit.MICROS);
        if (!AuditEntry.isStorableTime(time)) {
            throw new EventContractException(type, "ce_time", "must be within the years 1 to 9999");
        }
        String contentType = header(record, CONTENT_TYPE_HEADER);
        String dataSchema = header(record, DATA_SCHEMA_HEADER);
        requireStorable(type, "ce_type", type);
        requireStorable(type, "ce_source", source);
        requireStorable(type, "ce_subject", subject);
        requireStorable(type, CONTENT_TYPE_HEADER, contentType);
        requireStorable(type, DATA_SCHEMA_HEADER, dataSchema);
        return new ReceivedEvent(
                id,
                type,
                source,
                subject,
                subjectSequence,
                time,
                contentType,
                dataSchema,
                record.topic(),
                record.partition(),
                record.offset(),
                record.value(),
                record.key(),
                ReceivedRecord.headers(record));
    }

    /**
     * This event as the trail's entry number {@code sequence}: version 3 (docs/adr/0031), its payload still in
     * clear until the writer seals it.
     */
    @Override
    public AuditEntry toEntry(long sequence, Instant recordedAt) {
        return new AuditEntry(
                CanonicalEncoding.VERSION_3,
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
                null);
    }

    /** The same record kept raw, for when the database refuses it as an event. */
    UnreadableRecord asUnreadable(String reason) {
        return new UnreadableRecord(topic, partition, offset, key, headers, payload, reason);
    }

    private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void requireStorable(String type, String field, @Nullable String value) {
        if (value != null && !AuditEntry.isStorableText(value)) {
            throw new EventContractException(type, field, "must not contain NUL characters");
        }
    }

    @Override
    public String toString() {
        return "ReceivedEvent[" + type + " " + eventId + ", " + topic + "-" + partition + "@" + offset + "]";
    }
}
