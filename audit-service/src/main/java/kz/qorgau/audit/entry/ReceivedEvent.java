package kz.qorgau.audit.entry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import kz.qorgau.events.EventContractException;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.envelope.CloudEventExtensions;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * A consumed record that is a valid Qorgau event, with what the trail keeps of it; it becomes an
 * {@link AuditEntry} once the writer gives it a place in the trail.
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
        byte[] payload) {

    /** The Kafka binding's header for {@code datacontenttype}. */
    static final String CONTENT_TYPE_HEADER = "content-type";

    static final String DATA_SCHEMA_HEADER = CloudEventExtensions.header("dataschema");

    /**
     * Reads a record with the contract's codec; the payload is kept as the exact bytes received.
     *
     * @throws EventContractException when the record is not a valid Qorgau CloudEvent, or holds
     *     what the trail cannot store; such a record goes to the dead-letter topic
     */
    static ReceivedEvent from(ConsumerRecord<String, byte[]> record, EventCodec codec) {
        EventEnvelope<QorgauEvent> envelope;
        try {
            envelope = codec.decode(record.headers(), record.value());
        } catch (EventContractException e) {
            throw e;
        } catch (RuntimeException e) {
            // Decoding bytes is deterministic: no retry would make this record readable.
            throw new EventContractException(null, "record", "could not be read as a CloudEvent", e);
        }
        String type = envelope.type();
        if (!envelope.subject().equals(record.key())) {
            throw new EventContractException(type, "key", "must equal ce_subject");
        }
        Instant time = envelope.time().toInstant().truncatedTo(ChronoUnit.MICROS);
        if (!AuditEntry.isStorableTime(time)) {
            throw new EventContractException(type, "ce_time", "must be within the years 1 to 9999");
        }
        String source = envelope.source().toString();
        String contentType = header(record, CONTENT_TYPE_HEADER);
        String dataSchema = header(record, DATA_SCHEMA_HEADER);
        requireStorable(type, "ce_type", type);
        requireStorable(type, "ce_source", source);
        requireStorable(type, "ce_subject", envelope.subject());
        requireStorable(type, CONTENT_TYPE_HEADER, contentType);
        requireStorable(type, DATA_SCHEMA_HEADER, dataSchema);
        return new ReceivedEvent(
                envelope.id(),
                type,
                source,
                envelope.subject(),
                envelope.sequence(),
                time,
                contentType,
                dataSchema,
                record.topic(),
                record.partition(),
                record.offset(),
                record.value());
    }

    /** This event as the trail's entry number {@code sequence}. */
    AuditEntry toEntry(long sequence, Instant recordedAt) {
        return new AuditEntry(
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
                payload);
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
}
