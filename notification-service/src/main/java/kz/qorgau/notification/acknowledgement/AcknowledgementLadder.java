package kz.qorgau.notification.acknowledgement;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.NotificationEscalated;
import kz.qorgau.notification.notice.NoticeCause;
import kz.qorgau.notification.notice.NoticeEscalation;
import kz.qorgau.notification.notice.NoticesRecorded;
import kz.qorgau.notification.notice.Recipient;
import kz.qorgau.notification.outcome.OutcomeOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to an urgent police notice nobody acknowledges (docs/adr/0024), on every instance, one at a time
 * (a transaction-scoped advisory lock; a scan that does not get it leaves the work to the one that did):
 * <ul>
 *   <li><b>Re-send:</b> sent, unacknowledged, its last send {@code resend-every} ago and fewer than {@code
 *       max-resends} re-sends: PENDING again, due now; the delivery engine sends it (checked again for being
 *       superseded) and it is marked as a repeat.
 *   <li><b>Escalation:</b> unacknowledged {@code escalate-after} (per occurrence), or {@code escalate-at-risk} (per
 *       risk level of its order now, docs/adr/0039) if shorter, after it was recorded: once per
 *       event and recipient role, the district's supervisor is told ({@link NoticeEscalation}) and {@link
 *       NotificationEscalated} goes through the kit's outbox, in one transaction.
 * </ul>
 * A victim's contact ({@code contact:<id>}) is never re-sent to nor escalated: it acknowledges nothing. The times
 * are the service's clock's, so tests move it.
 */
@Component
class AcknowledgementLadder {

    /** A constant key for pg_try_advisory_xact_lock: "ladder" as a number. */
    private static final long LOCK = 0x6c6164646572L;

    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(AcknowledgementLadder.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OutcomeOutbox outbox;
    private final ApplicationEventPublisher publisher;
    private final AcknowledgementProperties properties;
    private final AcknowledgementMetrics metrics;
    private final Clock clock;

    AcknowledgementLadder(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            OutcomeOutbox outbox,
            ApplicationEventPublisher publisher,
            AcknowledgementProperties properties,
            AcknowledgementMetrics metrics,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.publisher = publisher;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${qorgau.notification.acknowledgement.scan-interval:5s}",
            initialDelayString = "${qorgau.notification.acknowledgement.scan-interval:5s}")
    void scheduledScan() {
        try {
            scan();
        } catch (RuntimeException e) {
            // The database may be away: the next scan tries again. The exception's class only.
            log.warn(
                    "The acknowledgement ladder's scan failed: {}", e.getClass().getSimpleName());
        }
    }

    void scan() {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<Runnable> afterCommit = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
                    .param("lock", LOCK)
                    .query(Boolean.class)
                    .single();
            if (!Boolean.TRUE.equals(locked)) {
                return;
            }
            resend(now, afterCommit);
            properties
                    .escalateAfter()
                    .forEach((occurrence, after) -> escalate(
                            "event_type = :filter",
                            occurrence.eventType(),
                            occurrence.name(),
                            now,
                            after,
                            afterCommit));
            // The order's level as last heard, so a notice of an order raised since it was recorded escalates sooner.
            properties
                    .escalateAtRisk()
                    .forEach((level, after) -> escalate(
                            "order_id IN (SELECT order_id FROM order_risk WHERE risk_level = :filter)",
                            level.name(),
                            "risk " + level.name(),
                            now,
                            after,
                            afterCommit));
        });
        afterCommit.forEach(Runnable::run);
    }

    private void resend(OffsetDateTime now, List<Runnable> afterCommit) {
        List<Map<String, Object>> resent = jdbc.sql(
                        """
                UPDATE notice SET status = 'PENDING', due_at = :now, resends = resends + 1,
                    deadline_at = GREATEST(deadline_at, :now + make_interval(secs => :grace))
                 WHERE id IN (
                    SELECT id FROM notice
                     WHERE status = 'SENT' AND urgency = 'URGENT' AND reports_notice IS NULL
                       AND recipient NOT LIKE 'contact:%' AND acknowledged_at IS NULL AND resends < :max AND sent_at <= :due
                     ORDER BY sent_at LIMIT :batch)
                RETURNING channel, recipient_role
                """)
                .param("now", now)
                .param("due", now.minus(properties.resendEvery()))
                .param("max", properties.maxResends())
                // A re-send is tried at least as long as the ladder's step before it may fail.
                .param("grace", (double) properties.resendEvery().toSeconds())
                .param("batch", BATCH)
                .query()
                .listOfRows();
        if (!resent.isEmpty()) {
            publisher.publishEvent(new NoticesRecorded(resent.size()));
            afterCommit.add(() -> resent.forEach(
                    row -> metrics.resent((String) row.get("channel"), (String) row.get("recipient_role"))));
        }
    }

    /** Escalates the urgent notices {@code where} (one constant condition on {@code :filter}) finds due. */
    private void escalate(
            String where, String filter, String label, OffsetDateTime now, Duration after, List<Runnable> afterCommit) {
        List<Unacknowledged> due = jdbc.sql(
                        """
                SELECT DISTINCT ON (event_id, recipient_role) id, event_id, order_id, recipient_role, recipient,
                       channel, district, resends, event_type, event_sequence, event_time, traceparent, tracestate,
                       created_at
                  FROM notice
                 WHERE urgency = 'URGENT' AND reports_notice IS NULL AND acknowledged_at IS NULL
                   AND recipient NOT LIKE 'contact:%'
                   AND escalated_at IS NULL AND status IN ('PENDING', 'SENT') AND (:where)
                   AND created_at <= :cutoff
                 ORDER BY event_id, recipient_role, created_at, id
                 LIMIT :batch
                """
                                // Not String.formatted: the query holds a LIKE pattern's '%'.
                                .replace("(:where)", "(" + where + ")"))
                .param("filter", filter)
                .param("cutoff", now.minus(after))
                .param("batch", BATCH)
                .query((row, number) -> new Unacknowledged(
                        row.getObject("id", UUID.class),
                        NoticeCause.of(row),
                        Recipient.of(row),
                        row.getString("district"),
                        row.getInt("resends"),
                        row.getObject("created_at", OffsetDateTime.class)))
                .list();
        for (Unacknowledged notice : due) {
            jdbc.sql(
                            """
                    UPDATE notice SET escalated_at = :now
                     WHERE event_id = :eventId AND recipient_role = :role AND escalated_at IS NULL
                    """)
                    .param("now", now)
                    .param("eventId", notice.cause().eventId())
                    .param("role", notice.recipient().role())
                    .update();
            outbox.record(
                    new NotificationEscalated(
                            notice.cause().orderId(),
                            notice.id().toString(),
                            notice.cause().eventId().toString(),
                            notice.recipient().role(),
                            notice.recipient().channel(),
                            SUPERVISOR,
                            now.toInstant(),
                            notice.resends()),
                    notice.id(),
                    notice.cause().traceparent(),
                    notice.cause().tracestate());
            publisher.publishEvent(new NoticeEscalation(
                    notice.id(),
                    notice.cause(),
                    notice.recipient(),
                    notice.district(),
                    notice.resends(),
                    Duration.between(notice.createdAt(), now)));
            afterCommit.add(() -> {
                metrics.escalated(
                        notice.recipient().channel().name(), notice.recipient().role());
                log.warn(
                        "Notice {} ({}) unacknowledged for {}: escalated to the district's supervisor",
                        notice.id(),
                        label,
                        after);
            });
        }
    }

    /** The role escalations go to. */
    static final String SUPERVISOR = "SUPERVISOR";

    private record Unacknowledged(
            UUID id, NoticeCause cause, Recipient recipient, String district, int resends, OffsetDateTime createdAt) {}
}
