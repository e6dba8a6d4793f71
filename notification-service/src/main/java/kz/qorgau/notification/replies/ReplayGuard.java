package kz.qorgau.notification.replies;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The inbound messages already taken ({@code inbound_reply_seen}, db/migration/V6): a signature or a gateway's
 * message id seen again within the window is a replay. In PostgreSQL, so every instance refuses it.
 */
@Repository
class ReplayGuard {

    private final JdbcClient jdbc;

    ReplayGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers the fingerprint; false if it was seen before (a replay). Runs in the caller's transaction. */
    boolean firstTime(String fingerprint, OffsetDateTime now) {
        return jdbc.sql("INSERT INTO inbound_reply_seen (fingerprint, seen_at) VALUES (:f, :now)"
                                + " ON CONFLICT (fingerprint) DO NOTHING")
                        .param("f", fingerprint)
                        .param("now", now)
                        .update()
                == 1;
    }

    /** Forgets what is older than the window: a message that old is refused by its timestamp anyway. */
    void forgetBefore(OffsetDateTime cutoff) {
        jdbc.sql("DELETE FROM inbound_reply_seen WHERE seen_at < :cutoff")
                .param("cutoff", cutoff)
                .update();
    }
}
