package kz.qorgau.events;

import java.time.Instant;

/**
 * notification-service delivered a notification about an order. Published on {@code
 * qorgau.notifications}.
 *
 * @param orderId the order concerned (UUID string); the subject and Kafka key
 * @param notificationId this notification's id (UUID string), stable across retries
 * @param causationEventId the CloudEvents id of the event that caused the notification (UUID string)
 * @param recipientRole who was notified, as a role code (e.g. {@code DUTY_UNIT}), never a person
 * @param channel how the recipient was reached
 * @param sentAt when the channel accepted the notification
 * @param attempts how many attempts it took, at least 1
 */
public record NotificationSent(
        String orderId,
        String notificationId,
        String causationEventId,
        String recipientRole,
        NotificationChannel channel,
        Instant sentAt,
        int attempts)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.notification.sent.v1";

    public NotificationSent {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.uuid(TYPE, "notificationId", notificationId);
        Checks.uuid(TYPE, "causationEventId", causationEventId);
        Checks.code(TYPE, "recipientRole", recipientRole);
        Checks.required(TYPE, "channel", channel);
        Checks.required(TYPE, "sentAt", sentAt);
        Checks.positive(TYPE, "attempts", attempts);
    }
}
