package kz.qorgau.notification.orders;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import kz.qorgau.events.EventContractException;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import kz.qorgau.kit.metrics.MetricNames;
import kz.qorgau.notification.dutyunit.DutyUnitAlerts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code qorgau.orders}: one record at a time, blocking, so one order's events are handled in
 * their order; the offset is committed only after the record was handled or dead-lettered.
 *
 * <p>Records arrive as raw bytes and are decoded here with the contract's {@link EventCodec}, so
 * every failure (not a CloudEvent, a broken field, a key that is not the subject, a sealed field
 * that does not open) is an {@link EventContractException} thrown from this listener, and the
 * dead-letter topic receives the record exactly as it was on the topic.
 *
 * <p>Tolerant reader: a well-formed CloudEvent of a type this service does not know (a later event
 * of the order lifecycle, a newer version) is counted and skipped, not dead-lettered. A null value
 * and a decoder's {@code NullPointerException}, {@code IllegalArgumentException} or {@code
 * IllegalStateException} are contract violations like any other: dead-lettered at once.
 */
@Component
class OrderEventsListener {

    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final QorgauKafkaProperties kafka;
    private final EventCodec codec;
    private final VictimContacts victimContacts;
    private final DutyUnitAlerts dutyUnitAlerts;
    private final Counter ignored;

    OrderEventsListener(
            QorgauKafkaProperties kafka,
            EventCodec codec,
            VictimContacts victimContacts,
            DutyUnitAlerts dutyUnitAlerts,
            MeterRegistry meters) {
        this.kafka = kafka;
        this.codec = codec;
        this.victimContacts = victimContacts;
        this.dutyUnitAlerts = dutyUnitAlerts;
        this.ignored = Counter.builder(MetricNames.EVENTS_IGNORED)
                .description("Well-formed events of types this service does not handle")
                .tag("topic", Topics.ORDERS_TOPIC)
                .register(meters);
    }

    /** The namespaced topic, for the annotation below. */
    public String topic() {
        return kafka.topic(Topics.ORDERS);
    }

    /** The namespaced consumer group, for the annotation below. */
    public String group() {
        return kafka.group(Topics.NOTIFICATION_SERVICE);
    }

    @KafkaListener(id = "order-events", topics = "#{__listener.topic()}", groupId = "#{__listener.group()}")
    void onRecord(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<OrderIssued> issued = decode(record);
        if (issued == null) {
            return;
        }
        // The duty unit is alerted first: a police alert must not wait on the victim's sealed
        // contact. A contact that does not open still dead-letters the record afterwards, so
        // operators see it; a replay from the dead-letter topic alerts no one twice (received_event).
        dutyUnitAlerts.orderIssued(issued);
        victimContacts.open(issued.data());
    }

    /**
     * The order in {@code record}, or {@code null} for a well-formed type this service does not
     * handle.
     *
     * @throws EventContractException for anything else that is not an {@code OrderIssued} of this
     *     topic: a null value, or a decoder that throws. Decoding bytes is deterministic, so no retry
     *     could help: the record is dead-lettered at once, never retried.
     */
    private EventEnvelope<OrderIssued> decode(ConsumerRecord<String, byte[]> record) {
        String type = typeHeader(record);
        if (record.value() == null) {
            // Every Qorgau event carries JSON data (docs/adr/0002); a binary-mode event without data
            // is a null value, whatever its type.
            throw new EventContractException(type, "value", "is null: an event without data");
        }
        try {
            CloudEvent event = readCloudEvent(record);
            if (EventTypes.isFutureType(event.getType())) {
                ignored.increment();
                log.info(
                        "Ignored {} at {}-{}@{}: not a type this service handles",
                        event.getType(),
                        record.topic(),
                        record.partition(),
                        record.offset());
                return null;
            }
            EventEnvelope<QorgauEvent> envelope = codec.fromCloudEvent(event);
            EventCodec.requireKeyIsSubject(envelope.type(), record.key(), envelope.subject());
            if (!(envelope.data() instanceof OrderIssued)) {
                throw new EventContractException(
                        envelope.type(), "ce_type", "is not published on " + Topics.ORDERS_TOPIC);
            }
            return envelope.as(OrderIssued.class);
        } catch (NullPointerException | IllegalArgumentException | IllegalStateException e) {
            // The CloudEvents SDK throws these for some malformed headers (one without a value, say).
            throw new EventContractException(
                    type, "record", "could not be decoded (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static CloudEvent readCloudEvent(ConsumerRecord<String, byte[]> record) {
        try {
            return KafkaMessageFactory.createReader(record.headers(), record.value())
                    .toEvent();
        } catch (CloudEventRWException | IllegalArgumentException | IllegalStateException e) {
            // The SDK's reader rejects missing or malformed ce_* attributes with these.
            throw new EventContractException(
                    typeHeader(record), "headers", "not a CloudEvents 1.0 binary-mode record", e);
        }
    }

    private static String typeHeader(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("ce_type");
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
