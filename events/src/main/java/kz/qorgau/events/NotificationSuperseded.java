package kz.qorgau.events;

import java.time.Instant;

/**
 * A notice was cancelled before an attempt because a later event of its order made it untrue (docs/adr/0024):
 * "not served yet" after the order was served, a reminder after it was revoked, voided or expired. Published
 * by notification-service on {@code qorgau.notifications}, keyed by the order id.
 *
 * @param orderId the order concerned (UUID string); the subject and Kafka key
 * @param notificationId the cancelled notice's id (UUID string)
 * @param causationEventId the CloudEvents id of the event the notice would have told (UUID string)
 * @param recipientRole who would have been told, as a role code
 * @param channel the cancelled notice's channel
 * @param supersededAt when it was cancelled
 * @param reason a short machine code such as {@code ORDER_SERVED} or {@code ORDER_REVOKED}
 */
public record NotificationSuperseded(
        String orderId,
        String notificationId,
        String causationEventId,
        String recipientRole,
        NotificationChannel channel,
        Instant supersededAt,
        String reason)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.notification.superseded.v1";

    public NotificationSuperseded {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.uuid(TYPE, "notificationId", notificationId);
        Checks.uuid(TYPE, "causationEventId", causationEventId);
        Checks.code(TYPE, "recipientRole", recipientRole);
        Checks.required(TYPE, "channel", channel);
        Checks.required(TYPE, "supersededAt", supersededAt);
        Checks.code(TYPE, "reason", reason);
    }
}
