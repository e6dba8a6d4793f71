package kz.qorgau.events;

import java.time.Instant;

/**
 * An urgent notice stayed unacknowledged for its configured time and was escalated: the district's supervisor
 * is told (docs/adr/0024). Published by notification-service on {@code qorgau.notifications}, keyed by the
 * order id.
 *
 * @param orderId the order concerned (UUID string); the subject and Kafka key
 * @param notificationId the unacknowledged notice's id (UUID string)
 * @param causationEventId the CloudEvents id of the event the notice told (UUID string)
 * @param recipientRole who did not acknowledge, as a role code (e.g. {@code DUTY_UNIT})
 * @param channel the unacknowledged notice's channel
 * @param escalatedTo who is told now, as a role code (e.g. {@code SUPERVISOR})
 * @param escalatedAt when it was escalated
 * @param resends how often the notice had been sent again by then, 0 or more
 */
public record NotificationEscalated(
        String orderId,
        String notificationId,
        String causationEventId,
        String recipientRole,
        NotificationChannel channel,
        String escalatedTo,
        Instant escalatedAt,
        int resends)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.notification.escalated.v1";

    public NotificationEscalated {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.uuid(TYPE, "notificationId", notificationId);
        Checks.uuid(TYPE, "causationEventId", causationEventId);
        Checks.code(TYPE, "recipientRole", recipientRole);
        Checks.required(TYPE, "channel", channel);
        Checks.code(TYPE, "escalatedTo", escalatedTo);
        Checks.required(TYPE, "escalatedAt", escalatedAt);
        Checks.notNegative(TYPE, "resends", resends);
    }
}
