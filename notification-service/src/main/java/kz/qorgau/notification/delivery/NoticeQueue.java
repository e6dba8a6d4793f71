package kz.qorgau.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.notification.notice.NoticeCause;
import kz.qorgau.notification.notice.Recipient;
import kz.qorgau.notification.notice.Urgency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery engine's view of the notice table: claims, outcomes, back-offs. Every change after a claim
 * names the claim's token, so a worker whose lease ran out (and whose notice another worker took) changes
 * nothing.
 */
@Repository
class NoticeQueue {

    private final JdbcClient jdbc;

    NoticeQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code limit} due notices for {@code lease}, skipping rows another worker holds locked.
     * A notice is claimable only when no earlier notice of the same order to the same recipient over the same
     * channel is still PENDING: a later notice never overtakes an earlier one, except that an urgent notice to a
     * victim's contact overtakes a routine one its quiet hours hold back (docs/adr/0036). Notices without text (recorded
     * before the engine) wait for their event's redelivery. Urgent notices are claimed first, and the police's before
     * victims' contacts' (the stored {@code claim_rank}, docs/adr/0041), then the earliest due.
     */
    List<ClaimedNotice> claim(
            int limit, Collection<NotificationChannel> channels, OffsetDateTime now, OffsetDateTime leaseEnd) {
        if (channels.isEmpty() || limit < 1) {
            return List.of();
        }
        return jdbc.sql(
                        """
                WITH due AS (
                    SELECT n.id FROM notice n
                     WHERE n.status = 'PENDING' AND n.due_at <= :now AND n.body IS NOT NULL
                       AND n.channel IN (:channels)
                       AND (n.claimed_until IS NULL OR n.claimed_until < :now)
                       AND NOT EXISTS (
                           SELECT 1 FROM notice e
                            WHERE e.status = 'PENDING' AND e.order_id = n.order_id AND e.recipient = n.recipient
                              AND e.channel = n.channel
                              AND (e.event_sequence, e.created_at, e.id) < (n.event_sequence, n.created_at, n.id)
                              AND NOT (n.urgency = 'URGENT' AND e.urgency = 'ROUTINE' AND n.recipient LIKE 'contact:%'))
                     ORDER BY n.claim_rank, n.due_at
                     LIMIT :limit
                     FOR UPDATE OF n SKIP LOCKED)
                UPDATE notice SET claim_token = gen_random_uuid(), claimed_until = :leaseEnd
                  FROM due WHERE notice.id = due.id
                RETURNING notice.*
                """)
                .param("now", now)
                .param("leaseEnd", leaseEnd)
                .param("limit", limit)
                .param("channels", channels.stream().map(Enum::name).toList())
                .query(NoticeQueue::map)
                .list();
    }

    /** The channel took the notice. False if the claim was lost meanwhile. */
    boolean markSent(ClaimedNotice notice, OffsetDateTime at) {
        return jdbc.sql(
                                """
                        UPDATE notice SET status = 'SENT', attempts = attempts + 1, sent_at = :at, last_error = NULL,
                            claim_token = NULL, claimed_until = NULL
                        WHERE id = :id AND claim_token = :token AND status = 'PENDING'
                        """)
                        .param("id", notice.id())
                        .param("token", notice.claimToken())
                        .param("at", at)
                        .update()
                == 1;
    }

    /** Given up: the deadline passed or the channel refused it for good. False if the claim was lost. */
    boolean markFailed(ClaimedNotice notice, boolean attempted, OffsetDateTime at, String reason) {
        return jdbc.sql(
                                """
                        UPDATE notice SET status = 'FAILED', attempts = attempts + :attempted, failed_at = :at,
                            last_error = :reason, claim_token = NULL, claimed_until = NULL
                        WHERE id = :id AND claim_token = :token AND status = 'PENDING'
                        """)
                        .param("id", notice.id())
                        .param("token", notice.claimToken())
                        .param("attempted", attempted ? 1 : 0)
                        .param("at", at)
                        .param("reason", reason)
                        .update()
                == 1;
    }

    /** A failed attempt to be tried again at {@code due}. */
    void retryLater(ClaimedNotice notice, OffsetDateTime due, String reason) {
        jdbc.sql(
                        """
                UPDATE notice SET attempts = attempts + 1, last_error = :reason, due_at = :due,
                    claim_token = NULL, claimed_until = NULL
                WHERE id = :id AND claim_token = :token AND status = 'PENDING'
                """)
                .param("id", notice.id())
                .param("token", notice.claimToken())
                .param("due", due)
                .param("reason", reason)
                .update();
    }

    /** Handed back unattempted (the channel's breaker is open or its rate is used up), due again at {@code due}. */
    void release(ClaimedNotice notice, OffsetDateTime due) {
        jdbc.sql(
                        """
                UPDATE notice SET due_at = :due, claim_token = NULL, claimed_until = NULL
                WHERE id = :id AND claim_token = :token AND status = 'PENDING'
                """)
                .param("id", notice.id())
                .param("token", notice.claimToken())
                .param("due", due)
                .update();
    }

    /** Made untrue by a later event before it was sent ({@link NoticeCheck}). */
    boolean markSuperseded(ClaimedNotice notice, String reason) {
        return jdbc.sql(
                                """
                        UPDATE notice SET status = 'SUPERSEDED', last_error = :reason, claim_token = NULL,
                            claimed_until = NULL
                        WHERE id = :id AND claim_token = :token AND status = 'PENDING'
                        """)
                        .param("id", notice.id())
                        .param("token", notice.claimToken())
                        .param("reason", reason)
                        .update()
                == 1;
    }

    /** PENDING notices, for the backlog gauge. */
    long pending() {
        return jdbc.sql("SELECT count(*) FROM notice WHERE status = 'PENDING'")
                .query(Long.class)
                .single();
    }

    /** When the oldest PENDING notice was recorded, or null when none is pending. */
    OffsetDateTime oldestPending() {
        return jdbc.sql("SELECT min(created_at) FROM notice WHERE status = 'PENDING'")
                .query(OffsetDateTime.class)
                .optional()
                .orElse(null);
    }

    private static ClaimedNotice map(ResultSet row, int rowNumber) throws SQLException {
        return new ClaimedNotice(
                row.getObject("id", UUID.class),
                row.getObject("claim_token", UUID.class),
                NoticeCause.of(row),
                Recipient.of(row),
                Urgency.valueOf(row.getString("urgency")),
                row.getString("district"),
                row.getString("subject"),
                row.getString("body"),
                row.getInt("attempts"),
                row.getString("last_error"),
                row.getObject("deadline_at", OffsetDateTime.class),
                row.getObject("reports_notice", UUID.class),
                row.getInt("resends"),
                false);
    }
}
