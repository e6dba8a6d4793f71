package kz.qorgau.notification.outcome;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.kit.outbox.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the events notification-service publishes (NotificationSent, NotificationFailed) in the kit's
 * outbox (docs/adr/0018-kit-outbox-and-leader.md): a row commits with the notice status it reports, so an
 * outcome is never lost between the database and Kafka, and the kit's relay publishes it after the commit,
 * one order's outcomes in sequence order.
 *
 * <p>Each event gets the next number of its order's own sequence at notification-service ({@code
 * outcome_sequence}), taken under that row's lock: the contract's {@code subjectseq} counts per producer and
 * subject, and the order's sequence on {@code qorgau.orders} belongs to order-service.
 */
@Component
public class OutcomeOutbox {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    OutcomeOutbox(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Queues an event for publication; must run inside the transaction that records what the event
     * reports.
     *
     * @param noticeId the notice the event reports on (its data names it too)
     * @return the event's CloudEvents id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID record(QorgauEvent event, UUID noticeId, String traceparent, String tracestate) {
        UUID orderId = UUID.fromString(event.orderId());
        int sequence = jdbc.sql(
                        """
                INSERT INTO outcome_sequence (order_id, last_sequence) VALUES (:orderId, 1)
                ON CONFLICT (order_id) DO UPDATE SET last_sequence = outcome_sequence.last_sequence + 1
                RETURNING last_sequence
                """)
                .param("orderId", orderId)
                .query(Integer.class)
                .single();
        UUID id = UUID.randomUUID();
        outbox.append(new EventEnvelope<>(
                id,
                EventTypes.of(event).type(),
                EventSources.NOTIFICATION_SERVICE,
                // Microseconds: what PostgreSQL keeps, so the published event is the recorded one.
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS),
                event.subject(),
                sequence,
                traceparent,
                traceparent == null ? null : tracestate,
                event));
        return id;
    }
}
