package kz.qorgau.notification.status;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.kit.security.Staff;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where an order's notices stand, for the police of its district: who (by role) was to be told, how, and
 * whether it happened. No addresses.
 */
@Component
class OrderNotices {

    private final JdbcClient jdbc;

    OrderNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The order's notices, oldest first, if {@code staff} works in the order's district; else empty. */
    Optional<List<NoticeView>> of(Staff staff, UUID orderId) {
        List<Row> rows = jdbc.sql(
                        """
                SELECT id, event_id, event_type, district, recipient_role, channel, status, attempts, last_error,
                       created_at, sent_at, failed_at, acknowledged_at, resends, escalated_at
                  FROM notice WHERE order_id = :orderId ORDER BY event_sequence, created_at, id
                """)
                .param("orderId", orderId)
                .query((row, number) -> new Row(
                        row.getString("district"),
                        new NoticeView(
                                row.getObject("id", UUID.class).toString(),
                                row.getObject("event_id", UUID.class).toString(),
                                row.getString("event_type"),
                                row.getString("recipient_role"),
                                row.getString("channel"),
                                row.getString("status"),
                                row.getInt("attempts"),
                                row.getString("last_error"),
                                row.getObject("created_at", OffsetDateTime.class),
                                row.getObject("sent_at", OffsetDateTime.class),
                                row.getObject("failed_at", OffsetDateTime.class),
                                row.getObject("acknowledged_at", OffsetDateTime.class),
                                row.getInt("resends"),
                                row.getObject("escalated_at", OffsetDateTime.class))))
                .list();
        // The order's district is on its notices: another district's order is as unknown as a missing one.
        boolean readable = !rows.isEmpty()
                && rows.stream().allMatch(row -> row.district() != null && staff.worksIn(row.district()));
        return readable ? Optional.of(rows.stream().map(Row::view).toList()) : Optional.empty();
    }

    private record Row(String district, NoticeView view) {}
}
