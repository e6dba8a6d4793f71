package kz.qorgau.events.envelope;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import kz.qorgau.events.AccessRecorded;
import kz.qorgau.events.ApproachBanEnded;
import kz.qorgau.events.ApproachBanImposed;
import kz.qorgau.events.EventContractException;
import kz.qorgau.events.PersonCheckHit;
import kz.qorgau.events.PersonIdentified;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.RegisterEntered;
import kz.qorgau.events.RegisterExited;
import kz.qorgau.events.catalog.EventType;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.json.EventJson;
import kz.qorgau.events.sealed.SealedFieldException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps {@link EventEnvelope}s to and from CloudEvents 1.0 and Kafka records (binary mode: attributes
 * in {@code ce_*} headers, JSON data as the record value, the subject as the key: the order id, or for
 * an {@link AccessRecorded} that concerns no one order its access id).
 *
 * <p>Producers send {@link #toProducerRecord} with {@code StringSerializer} for keys and {@code
 * io.cloudevents.kafka.CloudEventSerializer} for values (or {@link EventEnvelopeSerializer}).
 * Consumers read with {@code CloudEventDeserializer} and call {@link #fromConsumerRecord}, or use
 * {@link EventEnvelopeDeserializer} wrapped in Spring's {@code ErrorHandlingDeserializer}.
 *
 * <p>Decoding is a tolerant reader for additions (unknown JSON properties and unknown extensions are
 * ignored) but strict about the contract: an unknown type, unreadable data, a missing required field
 * or contradicting attributes raise {@link EventContractException}, which is not worth retrying.
 *
 * <p>Thread-safe.
 */
public final class EventCodec {

    /** The {@code datacontenttype} of every Qorgau event (Kafka header {@code content-type}). */
    public static final String DATA_CONTENT_TYPE = "application/json";

    private final JsonMapper mapper;

    /** A codec using {@link EventJson#mapper()}. */
    public EventCodec() {
        this(EventJson.mapper());
    }

    /** A codec using the given mapper; it must be configured like {@link EventJson#mapper()}. */
    public EventCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The CloudEvent for an envelope. */
    public CloudEvent toCloudEvent(EventEnvelope<?> envelope) {
        EventType<?> type = EventTypes.of(envelope.data());
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(envelope.id().toString())
                .withType(envelope.type())
                .withSource(envelope.source())
                .withTime(envelope.time())
                .withSubject(envelope.subject())
                .withDataContentType(DATA_CONTENT_TYPE)
                .withDataSchema(type.dataSchema())
                // An Integer, not a Long: CloudEvents integers are 32-bit (the envelope checks the range).
                .withExtension(CloudEventExtensions.SEQUENCE, Integer.valueOf((int) envelope.sequence()))
                .withExtension(CloudEventExtensions.PARTITION_KEY, envelope.subject())
                .withData(writeData(envelope.data()));
        if (envelope.traceparent() != null) {
            builder.withExtension(CloudEventExtensions.TRACEPARENT, envelope.traceparent());
            if (envelope.tracestate() != null) {
                builder.withExtension(CloudEventExtensions.TRACESTATE, envelope.tracestate());
            }
        }
        return builder.build();
    }

    /**
     * The Kafka record for an envelope: topic from {@link EventTypes}, key = the subject (see {@link
     * QorgauEvent#subject()}), value = the CloudEvent (the value serializer writes the {@code ce_*}
     * headers).
     */
    public ProducerRecord<String, CloudEvent> toProducerRecord(EventEnvelope<?> envelope) {
        return toProducerRecord(envelope, "");
    }

    /** As {@link #toProducerRecord(EventEnvelope)}, on the topic inside a namespace ({@link Topics#inNamespace}). */
    public ProducerRecord<String, CloudEvent> toProducerRecord(EventEnvelope<?> envelope, String namespace) {
        String topic =
                Topics.inNamespace(namespace, EventTypes.of(envelope.data()).topic());
        return new ProducerRecord<>(topic, envelope.subject(), toCloudEvent(envelope));
    }

    /**
     * The envelope in a CloudEvent.
     *
     * @throws EventContractException if the event breaks the contract
     */
    public EventEnvelope<QorgauEvent> fromCloudEvent(CloudEvent event) {
        if (event == null) {
            throw new EventContractException(null, "value", "is not a CloudEvent (null)");
        }
        String typeName = event.getType();
        if (event.getSpecVersion() != SpecVersion.V1) {
            throw new EventContractException(typeName, "ce_specversion", "must be 1.0");
        }
        EventType<?> type = EventTypes.require(typeName);
        String contentType = event.getDataContentType();
        if (contentType != null && !isJson(contentType)) {
            throw new EventContractException(typeName, "content-type", "must be " + DATA_CONTENT_TYPE);
        }
        UUID id = parseId(typeName, event.getId());
        OffsetDateTime time = required(typeName, "ce_time", event.getTime());
        String subject = required(typeName, "ce_subject", event.getSubject());
        long sequence = parseSequence(typeName, event.getExtension(CloudEventExtensions.SEQUENCE));
        Object partitionKey = event.getExtension(CloudEventExtensions.PARTITION_KEY);
        if (partitionKey != null && !subject.equals(partitionKey.toString())) {
            throw new EventContractException(
                    typeName, CloudEventExtensions.header(CloudEventExtensions.PARTITION_KEY), "must equal ce_subject");
        }
        CloudEventData data = required(typeName, "data", event.getData());
        QorgauEvent payload = readData(type, data.toBytes());
        if (!subject.equals(payload.subject())) {
            throw new EventContractException(typeName, subjectField(payload), "must equal ce_subject");
        }
        // Tracing is best effort: a malformed traceparent must not send an order event to the DLT.
        String traceparent = stringExtension(event, CloudEventExtensions.TRACEPARENT);
        String tracestate = stringExtension(event, CloudEventExtensions.TRACESTATE);
        if (!EventEnvelope.isValidTraceparent(traceparent)) {
            traceparent = null;
            tracestate = null;
        }
        URI source = required(typeName, "ce_source", event.getSource());
        return new EventEnvelope<>(id, typeName, source, time, subject, sequence, traceparent, tracestate, payload);
    }

    /**
     * The envelope in a consumed record (value read by {@code CloudEventDeserializer}); also checks that
     * the key is the subject, since a wrong key means the producer broke per-subject ordering.
     *
     * @throws EventContractException if the record breaks the contract
     */
    public EventEnvelope<QorgauEvent> fromConsumerRecord(ConsumerRecord<String, CloudEvent> record) {
        EventEnvelope<QorgauEvent> envelope = fromCloudEvent(record.value());
        requireKeyIsSubject(envelope.type(), record.key(), envelope.subject());
        return envelope;
    }

    /**
     * The envelope in a consumed raw record (binary mode, value as bytes), with the same key check
     * as {@link #fromConsumerRecord}.
     *
     * @throws EventContractException if the record breaks the contract
     */
    public EventEnvelope<QorgauEvent> decode(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<QorgauEvent> envelope = decode(record.headers(), record.value());
        requireKeyIsSubject(envelope.type(), record.key(), envelope.subject());
        return envelope;
    }

    /**
     * The contract's rule that a record's Kafka key is its CloudEvents subject (the order id, or for an
     * {@link AccessRecorded} that concerns no one order its access id): a wrong key means the producer
     * broke per-subject ordering.
     *
     * @throws EventContractException if the key differs
     */
    public static void requireKeyIsSubject(String type, String key, String subject) {
        if (subject == null || !subject.equals(key)) {
            throw new EventContractException(type, "key", "must equal ce_subject");
        }
    }

    /**
     * The envelope in raw Kafka headers and value bytes (binary mode), for deserializers.
     *
     * @throws EventContractException if the headers are not a CloudEvent or the event breaks the contract
     */
    public EventEnvelope<QorgauEvent> decode(Headers headers, byte[] value) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(headers, value).toEvent();
        } catch (CloudEventRWException e) {
            String type = headers == null ? null : header(headers, CloudEventExtensions.header("type"));
            throw new EventContractException(type, "headers", "not a CloudEvents 1.0 binary-mode record", e);
        }
        return fromCloudEvent(event);
    }

    /** The JSON data of an event. */
    public byte[] writeData(QorgauEvent data) {
        return mapper.writeValueAsBytes(data);
    }

    /**
     * Reads JSON data as the record of {@code type}, ignoring unknown properties.
     *
     * @throws EventContractException naming the type and field when the data cannot be read
     */
    public <T extends QorgauEvent> T readData(EventType<T> type, byte[] json) {
        T value;
        try {
            value = mapper.readValue(json, type.eventClass());
        } catch (JacksonException e) {
            throw translate(type.type(), e);
        }
        if (value == null) {
            throw new EventContractException(type.type(), "data", "is null");
        }
        return value;
    }

    private static EventContractException translate(String type, JacksonException e) {
        String path = path(e.getPath());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            // Our records' own checks, thrown from their constructors while Jackson builds them.
            if (cause instanceof EventContractException contract) {
                return new EventContractException(type, join(path, contract.field()), contract.problem(), e);
            }
            if (cause instanceof SealedFieldException sealed) {
                return new EventContractException(
                        type, path, "is not a valid sealed field (" + sealed.reason() + ")", e);
            }
        }
        if (e instanceof StreamReadException) {
            return new EventContractException(type, "data", "is not valid JSON", e);
        }
        return new EventContractException(
                type, path.isEmpty() ? "data" : path, "is missing, of the wrong type or invalid", e);
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String join(String path, String field) {
        if (field == null || field.isEmpty()) {
            return path.isEmpty() ? null : path;
        }
        return path.isEmpty() ? field : path + "." + field;
    }

    /** The data field the subject is taken from, to name in an error. */
    private static String subjectField(QorgauEvent data) {
        if (data.orderId() != null) {
            return "orderId";
        }
        if (data instanceof AccessRecorded || data instanceof PersonCheckHit) {
            return "accessId";
        }
        if (data instanceof ApproachBanImposed || data instanceof ApproachBanEnded) {
            return "banId";
        }
        return data instanceof RegisterEntered || data instanceof RegisterExited || data instanceof PersonIdentified
                ? "measureId"
                : "requirementsId";
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals(DATA_CONTENT_TYPE);
    }

    private static UUID parseId(String type, String id) {
        required(type, "ce_id", id);
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new EventContractException(type, "ce_id", "must be a UUID");
        }
    }

    private static long parseSequence(String type, Object value) {
        String field = CloudEventExtensions.header(CloudEventExtensions.SEQUENCE);
        required(type, field, value);
        // In-memory events hold an Integer; events read from Kafka headers hold its string form.
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        try {
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new EventContractException(type, field, "must be an integer");
        }
    }

    private static String stringExtension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <V> V required(String type, String field, V value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new EventContractException(type, field, "is required");
        }
        return value;
    }
}
