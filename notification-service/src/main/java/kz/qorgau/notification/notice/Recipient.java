package kz.qorgau.notification.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import kz.qorgau.events.NotificationChannel;

/**
 * Who is told, and how.
 *
 * @param role a code for who the recipient is (e.g. {@code DUTY_UNIT}); the only part that leaves
 *     the service, in events and metric tags
 * @param channel how the recipient is reached
 * @param address where: an e-mail address for {@link NotificationChannel#EMAIL}
 */
public record Recipient(String role, NotificationChannel channel, String address) {

    /** The recipient as a row of the notice table keeps it. */
    public static Recipient of(ResultSet row) throws SQLException {
        return new Recipient(
                row.getString("recipient_role"),
                NotificationChannel.valueOf(row.getString("channel")),
                row.getString("recipient"));
    }

    @Override
    public String toString() {
        return "Recipient[role=" + role + ", channel=" + channel + "]";
    }
}
