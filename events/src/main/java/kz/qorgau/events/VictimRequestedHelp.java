package kz.qorgau.events;

import java.time.Instant;

/**
 * A victim's verified contact answered HELP (docs/adr/0036): notification-service tells the order's duty unit at
 * once, its highest urgency, acknowledged and escalated like a violation, and the contact is told to call 102.
 * Published by notification-service on {@code qorgau.notifications}, keyed by the order id. Never the address nor
 * the message's text.
 *
 * @param orderId the order whose victim gave the contact (UUID string); the subject and Kafka key
 * @param orderNumber the order's human-readable number; null for a contact recorded before it was kept
 * @param district code of the order's district, whose duty unit is told
 * @param policeUnit code of the issuing officer's unit, the unit to call; null when unknown
 * @param contactId notification-service's id of the contact (UUID string)
 * @param channel SMS or EMAIL
 * @param via how it asked, as a code: {@code SMS_REPLY} (an inbound SMS) or {@code LINK} (the notice's link)
 * @param requestedAt when it was recorded
 */
public record VictimRequestedHelp(
        String orderId,
        String orderNumber,
        String district,
        String policeUnit,
        String contactId,
        NotificationChannel channel,
        String via,
        Instant requestedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.notification.victim.requested.help.v1";

    public VictimRequestedHelp {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.optionalText(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.optionalText(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.uuid(TYPE, "contactId", contactId);
        ContactVerified.contactChannel(TYPE, channel);
        Checks.code(TYPE, "via", via);
        Checks.required(TYPE, "requestedAt", requestedAt);
    }
}
