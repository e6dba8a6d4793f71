package kz.qorgau.events;

import java.time.Instant;

/**
 * notification-service gave up on a notification about an order. Published on {@code
 * qorgau.notifications}; an alert-worthy event, since a police unit or victim was not reached.
 *
 * @param orderId the order concerned (UUID string); the subject and Kafka key
 * @param notificationId this notification's id (UUID string), stable across retries
 * @param causationEventId the CloudEvents id of the event that caused the notification (UUID string)
 * @param recipientRole who should have been notified, as a role code (e.g. {@code DUTY_UNIT})
 * @param channel the channel that failed
 * @param failedAt when notification-service gave up
 * @param attempts how many attempts were made, at least 1
 * @param reason a short machine code such as {@code SMTP_REJECTED} or {@code GATEWAY_TIMEOUT}; the
 *     code format (upper case, digits, underscores) keeps provider error text, which may quote an
 *     address or phone number, off the wire
 */
public record NotificationFailed(
        String orderId,
        String notificationId,
        String causationEventId,
        String recipientRole,
        NotificationChannel channel,
        Instant failedAt,
        int attempts,
        String reason)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.notification.failed.v1";

    public NotificationFailed {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.uuid(TYPE, "notificationId", notificationId);
        Checks.uuid(TYPE, "causationEventId", causationEventId);
        Checks.code(TYPE, "recipientRole", recipientRole);
        Checks.required(TYPE, "channel", channel);
        Checks.required(TYPE, "failedAt", failedAt);
        Checks.positive(TYPE, "attempts", attempts);
        Checks.code(TYPE, "reason", reason);
    }
}
