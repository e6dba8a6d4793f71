package kz.qorgau.order.register;

import java.util.UUID;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.kit.outbox.Outbox;
import kz.qorgau.order.protectiveorder.ProtectiveOrders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an event of a measure to the outbox with the next number of its subject's sequence: the
 * protective order's when the measure concerns one (shared with the order's own events), the measure's
 * own otherwise (as an access to no order has its own).
 */
@Component
public class MeasureEvents {

    private final ProtectiveOrders orders;
    private final Outbox outbox;
    private final JdbcClient jdbc;

    MeasureEvents(ProtectiveOrders orders, Outbox outbox, JdbcClient jdbc) {
        this.orders = orders;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /** The event as it went to the outbox, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope<QorgauEvent> publish(QorgauEvent event) {
        UUID subject = UUID.fromString(event.subject());
        long sequence = event.orderId() != null ? orders.nextEventSequence(subject) : nextOwnSequence(subject);
        EventEnvelope<QorgauEvent> envelope = EventEnvelope.of(EventSources.ORDER_SERVICE, sequence, event);
        outbox.append(envelope);
        return envelope;
    }

    private long nextOwnSequence(UUID measureId) {
        return jdbc.sql(
                        """
                        INSERT INTO measure_event_sequence (measure_id, last_event_sequence) VALUES (:id, 1)
                        ON CONFLICT (measure_id)
                        DO UPDATE SET last_event_sequence = measure_event_sequence.last_event_sequence + 1
                        RETURNING last_event_sequence
                        """)
                .param("id", measureId)
                .query(Integer.class)
                .single();
    }
}
