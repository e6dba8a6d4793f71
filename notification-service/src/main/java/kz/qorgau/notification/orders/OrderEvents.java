package kz.qorgau.notification.orders;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.qorgau.events.EventContractException;
import kz.qorgau.events.OrderAmended;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.kit.metrics.MetricNames;
import kz.qorgau.kit.parking.DiscardConsequences;
import kz.qorgau.kit.parking.ParkedRecordHandler;
import kz.qorgau.notification.dutyunit.DutyUnitAlerts;
import kz.qorgau.notification.routing.PoliceNotices;
import kz.qorgau.notification.victims.VictimNotices;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What notification-service does with a record of {@code qorgau.orders}, for {@link
 * OrderEventsListener} and for the parking's replays (docs/adr/0019). Safe to call again with the same
 * record: notices are registered once per event (received_event).
 *
 * <p>Records arrive as raw bytes and are decoded here with the contract's {@link EventCodec}, so every
 * failure (not a CloudEvent, a broken field, a key that is not the subject, a sealed field that does
 * not open) is an {@link EventContractException}, and the dead-letter topic and the parking table
 * receive the record exactly as it was on the topic.
 *
 * <p>Every event of the order's life is handled: its police notices (routing) and the order's latest known
 * state are recorded in one transaction. Tolerant reader: a well-formed CloudEvent of a type this service does
 * not know (a newer version) is counted and skipped, not dead-lettered. A null value and a
 * decoder's {@code NullPointerException}, {@code IllegalArgumentException} or {@code
 * IllegalStateException} are contract violations like any other: dead-lettered at once.
 *
 * <p>What bypasses the parking ({@link #handleUrgent}): the police notices of every event (recorded, then sent
 * by the delivery engine; docs/adr/0022), a violation's above all. A
 * parked order must never hold back the police's alert of a later event of the same order; what the
 * victim is told keeps the order's strict sequence, so everything else waits behind the parked head.
 */
@Component
class OrderEvents implements ParkedRecordHandler, DiscardConsequences {

    private static final Logger log = LoggerFactory.getLogger(OrderEvents.class);

    private final EventCodec codec;
    private final VictimContacts victimContacts;
    private final PoliceNotices policeNotices;
    private final DutyUnitAlerts dutyUnitAlerts;
    private final VictimNotices victimNotices;
    private final Counter ignored;

    OrderEvents(
            EventCodec codec,
            VictimContacts victimContacts,
            PoliceNotices policeNotices,
            DutyUnitAlerts dutyUnitAlerts,
            VictimNotices victimNotices,
            MeterRegistry meters) {
        this.codec = codec;
        this.victimContacts = victimContacts;
        this.policeNotices = policeNotices;
        this.dutyUnitAlerts = dutyUnitAlerts;
        this.victimNotices = victimNotices;
        this.ignored = Counter.builder(MetricNames.EVENTS_IGNORED)
                .description("Well-formed events of types this service does not handle")
                .tag(MetricNames.TOPIC, Topics.ORDERS_TOPIC)
                .register(meters);
    }

    @Override
    public void handle(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<QorgauEvent> event = decode(record, true);
        if (event == null) {
            return;
        }
        // The police notices are recorded first: a police alert must not wait on the victim's sealed
        // contact. A contact that does not open still dead-letters the record afterwards, so
        // operators see it; a replay alerts no one twice (received_event).
        police(event);
        // The victim's contacts, in a short transaction of their own (docs/adr/0030).
        if (event.data() instanceof OrderIssued) {
            victimContacts.issued(event.as(OrderIssued.class));
        } else if (event.data() instanceof OrderAmended) {
            victimContacts.amended(event.as(OrderAmended.class));
        }
        // What the victim's verified contacts are told of it, in the order's strict sequence (docs/adr/0036).
        victimNotices.occurred(event);
    }

    /**
     * The police's notices of a record whose order is parked (every occurrence: a violation above all): recorded
     * now, not after the operator's decision, with the order's state. A record that cannot be read parks without
     * them; its replay will say why.
     */
    @Override
    public void handleUrgent(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<QorgauEvent> event;
        try {
            event = decode(record, false);
        } catch (EventContractException unreadable) {
            return;
        }
        if (event != null) {
            police(event);
        }
    }

    private void police(EventEnvelope<QorgauEvent> event) {
        if (event.data() instanceof OrderIssued) {
            policeNotices.orderIssued(event.as(OrderIssued.class));
        } else {
            policeNotices.occurred(event, OrderFacts.district(event.data()), OrderFacts.of(event.data()));
        }
    }

    /** The notices that will never be sent if the head is discarded: police addresses, no victim data. */
    @Override
    public List<String> neverDone(ConsumerRecord<String, byte[]> head) {
        EventEnvelope<QorgauEvent> event;
        try {
            event = decode(head, false);
        } catch (EventContractException unreadable) {
            return List.of("The record cannot be read (" + unreadable.getMessage()
                    + "), so which notices it meant is unknown: ask order-service about order " + head.key());
        }
        if (event == null) {
            return List.of();
        }
        if (!(event.data() instanceof OrderIssued)) {
            return OrderFacts.of(event.data()) == null
                    ? List.of()
                    : List.of("The police notices of " + event.type() + " (event " + event.id() + ") of order "
                            + head.key() + " that are not recorded yet");
        }
        EventEnvelope<OrderIssued> issued = event.as(OrderIssued.class);
        return dutyUnitAlerts.unsent(issued).stream()
                .map(recipient -> recipient.role() + " " + recipient.channel() + " " + recipient.address() + ": order "
                        + issued.data().orderNumber() + " issued (event " + issued.id() + ")")
                .toList();
    }

    /**
     * The event of the order's life in {@code record}, or {@code null} for a well-formed type this service does
     * not know (a newer version).
     *
     * @throws EventContractException for anything else that is not an {@code OrderIssued} of this
     *     topic: a null value, or a decoder that throws. Decoding bytes is deterministic, so no retry
     *     could help: the record is dead-lettered at once, never retried.
     */
    private EventEnvelope<QorgauEvent> decode(ConsumerRecord<String, byte[]> record, boolean counted) {
        String type = typeHeader(record);
        if (record.value() == null) {
            // Every Qorgau event carries JSON data (docs/adr/0002); a binary-mode event without data
            // is a null value, whatever its type.
            throw new EventContractException(type, "value", "is null: an event without data");
        }
        try {
            CloudEvent event = readCloudEvent(record);
            if (EventTypes.isFutureType(event.getType())) {
                return ignore(record, event.getType(), counted);
            }
            EventEnvelope<QorgauEvent> envelope = codec.fromCloudEvent(event);
            EventCodec.requireKeyIsSubject(envelope.type(), record.key(), envelope.subject());
            if (EventTypes.of(envelope.data()).topic().equals(Topics.ORDERS_TOPIC)) {
                return envelope;
            }
            throw new EventContractException(envelope.type(), "ce_type", "is not published on " + Topics.ORDERS_TOPIC);
        } catch (NullPointerException | IllegalArgumentException | IllegalStateException e) {
            // The CloudEvents SDK throws these for some malformed headers (one without a value, say).
            throw new EventContractException(
                    type, "record", "could not be decoded (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private EventEnvelope<QorgauEvent> ignore(ConsumerRecord<String, byte[]> record, String type, boolean counted) {
        if (counted) {
            ignored.increment();
            log.info(
                    "Ignored {} at {}-{}@{}: not a type this service handles",
                    type,
                    record.topic(),
                    record.partition(),
                    record.offset());
        }
        return null;
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
