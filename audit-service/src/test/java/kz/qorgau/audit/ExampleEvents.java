package kz.qorgau.audit;

import kz.qorgau.events.AccessRecorded;
import kz.qorgau.events.NotificationFailed;
import kz.qorgau.events.NotificationSent;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.EventType;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.events.ContractExamples;
import kz.qorgau.testsupport.kafka.EventTopicWriter;

/** Events made from the contract's example payloads, each for an order of the test's choosing. */
public final class ExampleEvents {

    /** The order id every example payload carries. */
    static final String EXAMPLE_ORDER_ID = ContractExamples.EXAMPLE_ORDER_ID;

    private static final EventCodec CODEC = new EventCodec();

    private ExampleEvents() {}

    public static EventEnvelope<OrderIssued> orderIssued(String orderId) {
        return EventEnvelope.of(EventSources.ORDER_SERVICE, 1, example(EventTypes.ORDER_ISSUED, orderId));
    }

    public static EventEnvelope<NotificationSent> notificationSent(String orderId, long sequence) {
        return EventEnvelope.of(
                EventSources.NOTIFICATION_SERVICE, sequence, example(EventTypes.NOTIFICATION_SENT, orderId));
    }

    public static EventEnvelope<NotificationFailed> notificationFailed(String orderId, long sequence) {
        return EventEnvelope.of(
                EventSources.NOTIFICATION_SERVICE, sequence, example(EventTypes.NOTIFICATION_FAILED, orderId));
    }

    /** The example access record (a break-glass read of the order), keyed by the order. */
    public static EventEnvelope<AccessRecorded> accessRecorded(String orderId, long sequence) {
        return EventEnvelope.of(EventSources.ORDER_SERVICE, sequence, example(EventTypes.ACCESS_RECORDED, orderId));
    }

    /** The JSON data a producer puts on the topic for {@code envelope}: what the trail must keep, byte for byte. */
    public static byte[] dataBytes(EventEnvelope<?> envelope) {
        return CODEC.writeData(envelope.data());
    }

    private static <T extends QorgauEvent> T example(EventType<T> type, String orderId) {
        return ContractExamples.data(type, orderId);
    }

    /**
     * An order's first {@code count} events, as the services send them: issued, then notices sent, each to its
     * topic in the test's namespace.
     */
    public static void sendOrder(TestInfrastructure infrastructure, String orderId, int count) {
        try (EventTopicWriter topics = EventTopicWriter.open(infrastructure.kafka())) {
            for (int i = 1; i <= count; i++) {
                EventEnvelope<?> event = i == 1 ? orderIssued(orderId) : notificationSent(orderId, i);
                topics.send(
                        Topics.inNamespace(
                                infrastructure.namespace(),
                                EventTypes.of(event.data()).topic()),
                        event);
            }
        }
    }
}
