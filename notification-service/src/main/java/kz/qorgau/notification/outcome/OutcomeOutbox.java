package kz.qorgau.notification.outcome;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.envelope.EventCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of the events notification-service publishes (db/migration/V1__notices.sql). A row
 * commits with the notice status it reports, so an outcome is never lost between the database and
 * Kafka; {@link OutcomePublisher} sends it after the commit.
 *
 * <p>Each event gets the next number of its order's own sequence at notification-service ({@code
 * outcome_sequence}): the contract's {@code subjectseq} counts per producer and subject, and the
 * order's sequence on {@code qorgau.orders} belongs to order-service.
 */
@Component
public class OutcomeOutbox {

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final Clock clock;

    OutcomeOutbox(JdbcClient jdbc, EventCodec codec, Clock clock) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * Queues an event for publication; must run inside the transaction that records what the event
     * reports.
     *
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
        jdbc.sql(
                        """
                INSERT INTO outcome_event (id, order_id, sequence, type, occurred_at, payload, traceparent, tracestate, notice_id)
                VALUES (:id, :orderId, :sequence, :type, :occurredAt, CAST(:payload AS jsonb), :traceparent, :tracestate, :noticeId)
                """)
                .param("id", id)
                .param("orderId", orderId)
                .param("sequence", sequence)
                .param("type", EventTypes.of(event).type())
                // Microseconds: what PostgreSQL keeps, so the republished event is identical.
                .param("occurredAt", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))
                .param("payload", new String(codec.writeData(event), StandardCharsets.UTF_8))
                .param("traceparent", traceparent)
                .param("tracestate", traceparent == null ? null : tracestate)
                .param("noticeId", noticeId)
                .update();
        return id;
    }
}
