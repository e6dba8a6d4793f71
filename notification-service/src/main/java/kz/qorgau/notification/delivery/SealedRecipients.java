package kz.qorgau.notification.delivery;

import java.util.Optional;
import java.util.UUID;
import kz.qorgau.notification.notice.Recipient;

/**
 * Recipients whose address is personal data (a victim's contact, docs/adr/0030): the notice row names them only as
 * {@code contact:<id>}, and their address, and the text's secrets (a one-time code), are opened just before each
 * attempt, never stored in the notice. Such a notice carries no acknowledgement link and goes out under neutral
 * sender names.
 */
public interface SealedRecipients {

    /** How a notice row names a sealed recipient. */
    String PREFIX = "contact:";

    static String address(UUID contactId) {
        return PREFIX + contactId;
    }

    static boolean isSealed(Recipient recipient) {
        return recipient.address().startsWith(PREFIX);
    }

    /**
     * The attempt's address and text, or empty when the recipient is gone (deleted, replaced): the notice is then
     * superseded, not sent.
     */
    Optional<Opened> open(UUID noticeId, Recipient recipient, String subject, String body);

    /** What one attempt sends, and where; personal data, never logged. */
    record Opened(String address, String subject, String body) {

        @Override
        public String toString() {
            return "Opened[redacted]";
        }
    }
}
