package kz.qorgau.events;

import java.time.Instant;

/**
 * A victim's contact confirmed itself with its one-time code (docs/adr/0030): notices may now reach it.
 * Published by notification-service on {@code qorgau.notifications}, keyed by the order id. Never the address.
 *
 * @param orderId the order whose victim gave the contact (UUID string); the subject and Kafka key
 * @param contactId notification-service's id of the contact (UUID string)
 * @param channel SMS or EMAIL
 * @param verifiedAt when the right code was entered
 */
public record ContactVerified(String orderId, String contactId, NotificationChannel channel, Instant verifiedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.notification.contact.verified.v1";

    public ContactVerified {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.uuid(TYPE, "contactId", contactId);
        contactChannel(TYPE, channel);
        Checks.required(TYPE, "verifiedAt", verifiedAt);
    }

    /** A victim's contact is reached by SMS or e-mail only. */
    static void contactChannel(String type, NotificationChannel channel) {
        Checks.required(type, "channel", channel);
        if (channel != NotificationChannel.SMS && channel != NotificationChannel.EMAIL) {
            throw new EventContractException(type, "channel", "must be SMS or EMAIL");
        }
    }
}
