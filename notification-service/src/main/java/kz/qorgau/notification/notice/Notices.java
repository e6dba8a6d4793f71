package kz.qorgau.notification.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.NotificationChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notice and received_event tables (db/migration/V1__notices.sql). */
@Repository
class Notices {

    private static final String COLUMNS =
            "id, event_id, order_id, recipient_role, recipient, channel, status, attempts, created_at, sent_at,"
                    + " failed_at, last_error";

    private final JdbcClient jdbc;

    Notices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code consumer} received the event; false if it had already (eventuate's
     * received-messages pattern: the primary key turns a redelivery into a no-op).
     */
    boolean markReceived(String consumer, UUID eventId, OffsetDateTime now) {
        return jdbc.sql(
                                """
                        INSERT INTO received_event (consumer, event_id, received_at)
                        VALUES (:consumer, :eventId, :now)
                        ON CONFLICT (consumer, event_id) DO NOTHING
                        """)
                        .param("consumer", consumer)
                        .param("eventId", eventId)
                        .param("now", now)
                        .update()
                == 1;
    }

    /** Adds a PENDING notice unless the event already has one for this recipient and channel. */
    void addPending(UUID id, UUID eventId, String orderId, Recipient recipient, OffsetDateTime now) {
        jdbc.sql(
                        """
                INSERT INTO notice (id, event_id, order_id, recipient_role, recipient, channel, status, attempts, created_at)
                VALUES (:id, :eventId, :orderId, :role, :recipient, :channel, 'PENDING', 0, :now)
                ON CONFLICT ON CONSTRAINT notice_once_per_event_recipient_channel DO NOTHING
                """)
                .param("id", id)
                .param("eventId", eventId)
                .param("orderId", UUID.fromString(orderId))
                .param("role", recipient.role())
                .param("recipient", recipient.address())
                .param("channel", recipient.channel().name())
                .param("now", now)
                .update();
    }

    /** Every notice of the event, oldest first. */
    List<Notice> forEvent(UUID eventId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notice WHERE event_id = :eventId ORDER BY created_at, id")
                .param("eventId", eventId)
                .query(Notices::map)
                .list();
    }

    /** The event's notices that are still PENDING, oldest first. */
    List<Notice> pendingFor(UUID eventId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM notice WHERE event_id = :eventId AND status = 'PENDING' ORDER BY created_at, id")
                .param("eventId", eventId)
                .query(Notices::map)
                .list();
    }

    /**
     * Locks the notice until the transaction ends and returns it if it is still PENDING. A second
     * instance delivering the same notice (a rebalance race) waits here, then finds it done.
     */
    Optional<Notice> lockIfPending(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notice WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Notices::map)
                .optional()
                .filter(notice -> notice.status() == NoticeStatus.PENDING);
    }

    void markSent(UUID id, int attempts, OffsetDateTime sentAt) {
        jdbc.sql(
                        """
                UPDATE notice SET status = 'SENT', attempts = :attempts, sent_at = :sentAt, last_error = NULL
                WHERE id = :id AND status = 'PENDING'
                """)
                .param("id", id)
                .param("attempts", attempts)
                .param("sentAt", sentAt)
                .update();
    }

    void markFailed(UUID id, int attempts, OffsetDateTime failedAt, String reason) {
        jdbc.sql(
                        """
                UPDATE notice SET status = 'FAILED', attempts = :attempts, failed_at = :failedAt, last_error = :reason
                WHERE id = :id AND status = 'PENDING'
                """)
                .param("id", id)
                .param("attempts", attempts)
                .param("failedAt", failedAt)
                .param("reason", reason)
                .update();
    }

    private static Notice map(ResultSet row, int rowNumber) throws SQLException {
        return new Notice(
                row.getObject("id", UUID.class),
                row.getObject("event_id", UUID.class),
                row.getObject("order_id", UUID.class).toString(),
                new Recipient(
                        row.getString("recipient_role"),
                        NotificationChannel.valueOf(row.getString("channel")),
                        row.getString("recipient")),
                NoticeStatus.valueOf(row.getString("status")),
                row.getInt("attempts"),
                row.getObject("created_at", OffsetDateTime.class),
                row.getObject("sent_at", OffsetDateTime.class),
                row.getObject("failed_at", OffsetDateTime.class),
                row.getString("last_error"));
    }
}
