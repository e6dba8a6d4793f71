package kz.qorgau.notification.acknowledgement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.NotificationAcknowledged;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.notification.outcome.OutcomeOutbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records acknowledgements: once per notice, with its time and channel, for every notice of the same event to the
 * same recipient role (the duty unit that read the e-mail needs no webhook re-send), and {@link
 * NotificationAcknowledged} in the kit's outbox in the same transaction.
 */
@Service
class Acknowledgements {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OutcomeOutbox outbox;
    private final AcknowledgementMetrics metrics;
    private final Clock clock;

    Acknowledgements(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            OutcomeOutbox outbox,
            AcknowledgementMetrics metrics,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What the acknowledgement page shows of a notice: its subject and whether it was acknowledged. */
    Optional<Shown> find(UUID noticeId) {
        return jdbc.sql("SELECT subject, acknowledged_at FROM notice WHERE id = :id AND reports_notice IS NULL")
                .param("id", noticeId)
                .query((row, number) ->
                        new Shown(row.getString("subject"), row.getObject("acknowledged_at", OffsetDateTime.class)))
                .optional();
    }

    /** Acknowledges the notice; false if it was acknowledged before (the link is single-use) or is unknown. */
    boolean acknowledge(UUID noticeId) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Done done = transactions.execute(status -> {
            Optional<Row> found = jdbc.sql(
                            """
                    SELECT id, event_id, event_type, order_id, recipient_role, channel, created_at, traceparent, tracestate
                      FROM notice WHERE id = :id AND reports_notice IS NULL AND acknowledged_at IS NULL FOR UPDATE
                    """)
                    .param("id", noticeId)
                    .query((row, number) -> new Row(
                            row.getObject("event_id", UUID.class),
                            row.getString("event_type"),
                            row.getObject("order_id", UUID.class),
                            row.getString("recipient_role"),
                            NotificationChannel.valueOf(row.getString("channel")),
                            row.getObject("created_at", OffsetDateTime.class),
                            row.getString("traceparent"),
                            row.getString("tracestate")))
                    .optional();
            if (found.isEmpty()) {
                return null;
            }
            Row row = found.get();
            jdbc.sql(
                            """
                    UPDATE notice SET acknowledged_at = :now, acknowledged_via = :channel
                     WHERE event_id = :eventId AND recipient_role = :role AND acknowledged_at IS NULL
                    """)
                    .param("now", now)
                    .param("channel", row.channel().name())
                    .param("eventId", row.eventId())
                    .param("role", row.role())
                    .update();
            outbox.record(
                    new NotificationAcknowledged(
                            row.orderId().toString(),
                            noticeId.toString(),
                            row.eventId().toString(),
                            row.role(),
                            row.channel(),
                            now.toInstant()),
                    noticeId,
                    row.traceparent(),
                    row.tracestate());
            return new Done(row, now.toInstant());
        });
        if (done == null) {
            return false;
        }
        metrics.acknowledged(
                done.row().channel().name(),
                done.row().role(),
                done.row().eventType(),
                Duration.between(done.row().createdAt().toInstant(), done.at()));
        return true;
    }

    record Shown(String subject, OffsetDateTime acknowledgedAt) {}

    private record Row(
            UUID eventId,
            String eventType,
            UUID orderId,
            String role,
            NotificationChannel channel,
            OffsetDateTime createdAt,
            String traceparent,
            String tracestate) {}

    private record Done(Row row, Instant at) {}
}
