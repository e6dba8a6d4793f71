package kz.qorgau.notification.notice;

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

    @Override
    public String toString() {
        return "Recipient[role=" + role + ", channel=" + channel + "]";
    }
}
