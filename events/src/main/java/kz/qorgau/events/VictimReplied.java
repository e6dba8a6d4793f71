package kz.qorgau.events;

import java.time.Instant;

/**
 * A victim's verified contact answered a notice with SAFE, or with HELP within the order's window when the police
 * were told already (docs/adr/0036). Recorded only: it never cancels or downgrades anything, for the offender may be
 * holding the phone. Published by notification-service on {@code
 * qorgau.notifications}, keyed by the order id. Never the address nor the message's text.
 *
 * @param orderId the order whose victim gave the contact (UUID string); the subject and Kafka key
 * @param contactId notification-service's id of the contact (UUID string)
 * @param channel SMS or EMAIL
 * @param answer what the contact answered, as a code: {@code SAFE}, or {@code HELP_REPEATED} (a HELP within the
 *     order's window: recorded, the police not told again, the victim told help is on its way)
 * @param via how it answered, as a code: {@code SMS_REPLY} (an inbound SMS) or {@code LINK} (the notice's link)
 * @param repliedAt when it was recorded
 */
public record VictimReplied(
        String orderId, String contactId, NotificationChannel channel, String answer, String via, Instant repliedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.notification.victim.replied.v1";

    public VictimReplied {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.uuid(TYPE, "contactId", contactId);
        ContactVerified.contactChannel(TYPE, channel);
        Checks.code(TYPE, "answer", answer);
        Checks.code(TYPE, "via", via);
        Checks.required(TYPE, "repliedAt", repliedAt);
    }
}
