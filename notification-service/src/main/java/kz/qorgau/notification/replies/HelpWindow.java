package kz.qorgau.notification.replies;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One urgent police notice per order per {@code help-notice-every} (docs/adr/0036, {@code victim_help_window}, V8):
 * a HELP within it is recorded and answered "already sent", never a second notice, so a leaked or guessed link
 * cannot flood the duty unit; one after it is heard as the first, so a victim still in danger is.
 */
@Repository
class HelpWindow {

    enum Decision {
        /** Tell the police: the first HELP, or the first since the window ended. */
        NOTIFY,
        /** The police were told within the window: record it, answer "already sent". */
        ALREADY_SENT
    }

    private final JdbcClient jdbc;

    HelpWindow(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Decision decide(OffsetDateTime lastNotified, OffsetDateTime now, Duration every) {
        if (lastNotified == null || !now.isBefore(lastNotified.plus(every))) {
            return Decision.NOTIFY;
        }
        return Decision.ALREADY_SENT;
    }

    /**
     * Decides a HELP of the order now and notes it, in the caller's transaction: the order's row stays locked until
     * it commits, so two presses at once, on any instances, make one notice.
     */
    Decision press(UUID orderId, OffsetDateTime now, Duration every) {
        jdbc.sql("INSERT INTO victim_help_window (order_id) VALUES (:o) ON CONFLICT (order_id) DO NOTHING")
                .param("o", orderId)
                .update();
        OffsetDateTime last = jdbc.sql("SELECT notified_at FROM victim_help_window WHERE order_id = :o FOR UPDATE")
                .param("o", orderId)
                .query((row, number) -> row.getObject(1, OffsetDateTime.class))
                .list()
                .get(0); // null until the order's first notice
        Decision decision = decide(last, now, every);
        if (decision == Decision.NOTIFY) {
            jdbc.sql("UPDATE victim_help_window SET notified_at = :now, repeats = 0 WHERE order_id = :o")
                    .param("now", now)
                    .param("o", orderId)
                    .update();
        } else {
            jdbc.sql("UPDATE victim_help_window SET repeats = repeats + 1 WHERE order_id = :o")
                    .param("o", orderId)
                    .update();
        }
        return decision;
    }
}
