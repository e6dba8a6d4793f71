package kz.qorgau.notification.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.envelope.EventEnvelope;

/**
 * The event a notice is about, as the notice keeps it: its id (the outcome's causationEventId), its order,
 * type, place in the order's sequence, time, and W3C trace context.
 */
public record NoticeCause(
        UUID eventId,
        String orderId,
        String eventType,
        long sequence,
        OffsetDateTime time,
        String traceparent,
        String tracestate) {

    /** The cause as a row of the notice table keeps it (db/migration/V1, V3). */
    public static NoticeCause of(ResultSet row) throws SQLException {
        return new NoticeCause(
                row.getObject("event_id", UUID.class),
                row.getObject("order_id", UUID.class).toString(),
                row.getString("event_type"),
                row.getLong("event_sequence"),
                row.getObject("event_time", OffsetDateTime.class),
                row.getString("traceparent"),
                row.getString("tracestate"));
    }

    public static NoticeCause of(EventEnvelope<? extends QorgauEvent> event) {
        return new NoticeCause(
                event.id(),
                event.subject(),
                event.type(),
                event.sequence(),
                event.time(),
                event.traceparent(),
                event.tracestate());
    }
}
