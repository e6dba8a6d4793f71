package kz.qorgau.events;

import java.time.Instant;

/**
 * notification-service asked one of the victim's contacts to confirm itself with a one-time code before any
 * notice (docs/adr/0030). Published on {@code qorgau.notifications}, keyed by the order id. Never the address nor
 * the code.
 *
 * @param orderId the order whose victim gave the contact (UUID string); the subject and Kafka key
 * @param contactId notification-service's id of the contact (UUID string)
 * @param channel SMS or EMAIL
 * @param language the contact's language (kk, ru or en)
 * @param requestedAt when the code was recorded for sending
 */
public record ContactVerificationRequested(
        String orderId, String contactId, NotificationChannel channel, String language, Instant requestedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.notification.contact.verification.requested.v1";

    public ContactVerificationRequested {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.uuid(TYPE, "contactId", contactId);
        ContactVerified.contactChannel(TYPE, channel);
        Checks.required(TYPE, "language", language);
        if (!VictimContact.ContactPoint.LANGUAGES.contains(language)) {
            throw new EventContractException(TYPE, "language", "must be kk, ru or en");
        }
        Checks.required(TYPE, "requestedAt", requestedAt);
    }
}
