package kz.qorgau.events.envelope;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;
import kz.qorgau.events.EventContractException;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.EventTypes;

/**
 * A Qorgau event with its CloudEvents 1.0 context attributes. {@link EventCodec} maps it to and from
 * a CloudEvent / Kafka record.
 *
 * @param id CloudEvents {@code id}; stable for the life of the event (set when the outbox row is
 *     written), so consumers deduplicate on it
 * @param type CloudEvents {@code type}; must be the registered type of {@code data}
 * @param source CloudEvents {@code source}, see {@link EventSources}
 * @param time CloudEvents {@code time}: when the event happened
 * @param subject CloudEvents {@code subject}, equal to {@code data.subject()} and the Kafka key: the
 *     order id, or for an {@link kz.qorgau.events.AccessRecorded} that concerns no one order its
 *     access id
 * @param sequence per-subject sequence number, extension {@value CloudEventExtensions#SEQUENCE}; from
 *     1 up to 2^31-1 because CloudEvents integers are 32-bit
 * @param traceparent W3C trace context, or {@code null}
 * @param tracestate W3C trace state, or {@code null}
 * @param data the event
 */
public record EventEnvelope<T extends QorgauEvent>(
        UUID id,
        String type,
        URI source,
        OffsetDateTime time,
        String subject,
        long sequence,
        String traceparent,
        String tracestate,
        T data) {

    private static final Pattern TRACEPARENT =
            Pattern.compile("^[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$");

    public EventEnvelope {
        require(type, "ce_id", id);
        require(type, "ce_type", type);
        require(type, "ce_source", source);
        require(type, "ce_time", time);
        require(type, "ce_subject", subject);
        require(type, "data", data);
        String registered = EventTypes.of(data).type();
        if (!registered.equals(type)) {
            throw new EventContractException(type, "ce_type", "does not match the data, which is " + registered);
        }
        if (!subject.equals(data.subject())) {
            throw new EventContractException(type, "ce_subject", "must equal the data's subject");
        }
        if (sequence < 1 || sequence > Integer.MAX_VALUE) {
            throw new EventContractException(
                    type, CloudEventExtensions.header(CloudEventExtensions.SEQUENCE), "must be between 1 and 2^31-1");
        }
        if (traceparent != null && !isValidTraceparent(traceparent)) {
            throw new EventContractException(
                    type, CloudEventExtensions.header(CloudEventExtensions.TRACEPARENT), "is not a W3C traceparent");
        }
    }

    /**
     * A new envelope for {@code data}: fresh random id, current time in UTC, no trace context.
     *
     * @param sequence this event's number in its subject's sequence (1 for the first event)
     */
    public static <T extends QorgauEvent> EventEnvelope<T> of(URI source, long sequence, T data) {
        if (data == null) {
            throw new EventContractException(null, "data", "is required");
        }
        // Microseconds: the precision PostgreSQL keeps, so an envelope read back from the outbox is equal.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return new EventEnvelope<>(
                UUID.randomUUID(), EventTypes.of(data).type(), source, now, data.subject(), sequence, null, null, data);
    }

    /** This envelope with the given W3C trace context ({@code tracestate} may be {@code null}). */
    public EventEnvelope<T> withTrace(String traceparent, String tracestate) {
        return new EventEnvelope<>(id, type, source, time, subject, sequence, traceparent, tracestate, data);
    }

    /**
     * This envelope typed for its data's class, for handlers written per event type.
     *
     * @throws IllegalArgumentException if the data is not an {@code eventClass}
     */
    public <E extends QorgauEvent> EventEnvelope<E> as(Class<E> eventClass) {
        if (!eventClass.isInstance(data)) {
            throw new IllegalArgumentException(type + " is not a " + eventClass.getSimpleName());
        }
        return new EventEnvelope<>(
                id, type, source, time, subject, sequence, traceparent, tracestate, eventClass.cast(data));
    }

    /** Whether {@code value} has the W3C traceparent shape (lower-case hex, non-zero ids). */
    public static boolean isValidTraceparent(String value) {
        return value != null && TRACEPARENT.matcher(value).matches() && !value.startsWith("ff");
    }

    private static void require(String type, String field, Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new EventContractException(type, field, "is required");
        }
    }
}
