package kz.qorgau.events;

import java.time.Instant;

/**
 * A victim's contact asked to be told nothing more (docs/adr/0030): from now on it gets no notice. Published by
 * notification-service on {@code qorgau.notifications}, keyed by the order id. Never the address.
 *
 * @param orderId the order whose victim gave the contact (UUID string); the subject and Kafka key
 * @param contactId notification-service's id of the contact (UUID string)
 * @param channel SMS or EMAIL
 * @param via how the contact asked, as a code: {@code LINK} (the verification page), {@code SMS_REPLY} (STOP)
 * @param optedOutAt when it was recorded
 */
public record ContactOptedOut(
        String orderId, String contactId, NotificationChannel channel, String via, Instant optedOutAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.notification.contact.opted.out.v1";

    public ContactOptedOut {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.uuid(TYPE, "contactId", contactId);
        ContactVerified.contactChannel(TYPE, channel);
        Checks.code(TYPE, "via", via);
        Checks.required(TYPE, "optedOutAt", optedOutAt);
    }
}
