package kz.qorgau.notification.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import kz.qorgau.kit.tracing.Traces;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Recording and reading notices and received_event (db/migration/V1, V3); the delivery engine has its own queries. */
@Repository
class Notices {

    private static final String COLUMNS =
            "id, event_id, order_id, recipient_role, recipient, channel, status, attempts, created_at, sent_at,"
                    + " failed_at, last_error";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Traces traces;

    Notices(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Traces traces) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.traces = traces;
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

    /** A notice to add: its id, text and recipient, when it is due and until when it is tried. */
    record Pending(UUID id, NoticeDraft draft, OffsetDateTime due, OffsetDateTime deadline) {}

    /**
     * Adds PENDING notices of one event, in one batch (one round trip to the database, not one per recipient), each
     * unless the event already has one for its recipient and channel; a notice recorded before the delivery engine
     * (V3) has no text yet and gets it here.
     */
    void addPending(NoticeCause event, String district, List<Pending> pending, UUID reportsNotice, OffsetDateTime now) {
        if (pending.isEmpty()) {
            return;
        }
        // The consumer's span when it continues the event's trace: the notice's send is its child.
        String traceparent = traces.continuing(event.traceparent());
        SqlParameterSource[] rows = pending.stream()
                .map(notice -> {
                    Recipient recipient = notice.draft().recipient();
                    return new MapSqlParameterSource()
                            .addValue("id", notice.id())
                            .addValue("eventId", event.eventId())
                            .addValue("orderId", UUID.fromString(event.orderId()))
                            .addValue("role", recipient.role())
                            .addValue("recipient", recipient.address())
                            .addValue("channel", recipient.channel().name())
                            .addValue("now", now)
                            .addValue("eventType", event.eventType())
                            .addValue("eventSequence", event.sequence())
                            .addValue("eventTime", event.time())
                            .addValue("district", district)
                            .addValue("urgency", notice.draft().urgency().name())
                            .addValue("subject", notice.draft().subject())
                            .addValue("body", notice.draft().body())
                            .addValue("due", notice.due())
                            .addValue("deadline", notice.deadline())
                            .addValue("traceparent", traceparent)
                            .addValue("tracestate", event.tracestate())
                            .addValue("reportsNotice", reportsNotice);
                })
                .toArray(SqlParameterSource[]::new);
        batch.batchUpdate(
                """
                INSERT INTO notice (id, event_id, order_id, recipient_role, recipient, channel, status, attempts,
                    created_at, event_type, event_sequence, event_time, district, urgency, subject, body, due_at,
                    deadline_at, traceparent, tracestate, reports_notice)
                VALUES (:id, :eventId, :orderId, :role, :recipient, :channel, 'PENDING', 0, :now, :eventType,
                    :eventSequence, :eventTime, :district, :urgency, :subject, :body, :due, :deadline, :traceparent,
                    :tracestate, :reportsNotice)
                ON CONFLICT ON CONSTRAINT notice_once_per_event_recipient_channel DO UPDATE
                    SET subject = EXCLUDED.subject, body = EXCLUDED.body, event_type = EXCLUDED.event_type,
                        event_sequence = EXCLUDED.event_sequence, event_time = EXCLUDED.event_time,
                        district = EXCLUDED.district, urgency = EXCLUDED.urgency,
                        traceparent = EXCLUDED.traceparent, tracestate = EXCLUDED.tracestate
                    WHERE notice.body IS NULL
                """,
                rows);
    }

    /** Every notice of the event, oldest first. */
    List<Notice> forEvent(UUID eventId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notice WHERE event_id = :eventId ORDER BY created_at, id")
                .param("eventId", eventId)
                .query(Notices::map)
                .list();
    }

    private static Notice map(ResultSet row, int rowNumber) throws SQLException {
        return new Notice(
                row.getObject("id", UUID.class),
                row.getObject("event_id", UUID.class),
                row.getObject("order_id", UUID.class).toString(),
                Recipient.of(row),
                NoticeStatus.valueOf(row.getString("status")),
                row.getInt("attempts"),
                row.getObject("created_at", OffsetDateTime.class),
                row.getObject("sent_at", OffsetDateTime.class),
                row.getObject("failed_at", OffsetDateTime.class),
                row.getString("last_error"));
    }
}
