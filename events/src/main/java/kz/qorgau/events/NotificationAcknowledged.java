package kz.qorgau.events;

import java.time.Instant;

/**
 * A police recipient acknowledged a notice through its signed link (docs/adr/0024): its re-sends and its
 * escalation stop. Published by notification-service on {@code qorgau.notifications}, keyed by the order id.
 *
 * @param orderId the order concerned (UUID string); the subject and Kafka key
 * @param notificationId the acknowledged notice's id (UUID string)
 * @param causationEventId the CloudEvents id of the event the notice told (UUID string)
 * @param recipientRole who acknowledged, as a role code (e.g. {@code DUTY_UNIT}), never a person
 * @param channel the channel whose notice carried the link that was used
 * @param acknowledgedAt when the acknowledgement was recorded
 */
public record NotificationAcknowledged(
        String orderId,
        String notificationId,
        String causationEventId,
        String recipientRole,
        NotificationChannel channel,
        Instant acknowledgedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.notification.acknowledged.v1";

    public NotificationAcknowledged {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.uuid(TYPE, "notificationId", notificationId);
        Checks.uuid(TYPE, "causationEventId", causationEventId);
        Checks.code(TYPE, "recipientRole", recipientRole);
        Checks.required(TYPE, "channel", channel);
        Checks.required(TYPE, "acknowledgedAt", acknowledgedAt);
    }
}
