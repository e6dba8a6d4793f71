package kz.qorgau.notification.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;
import kz.qorgau.notification.notice.NoticeCause;
import kz.qorgau.notification.notice.Recipient;
import kz.qorgau.notification.notice.Urgency;

/**
 * A notice a worker has claimed: everything needed to send it and record the outcome without reading the
 * row again. The claim token fences the outcome: a worker whose lease ran out records nothing. {@code resends}
 * counts how often the ladder sent it again, unacknowledged (docs/adr/0024); {@code sealedRecipient} marks an
 * attempt to a victim's contact, opened just before it ({@link SealedRecipients}).
 */
record ClaimedNotice(
        UUID id,
        UUID claimToken,
        NoticeCause cause,
        Recipient recipient,
        Urgency urgency,
        String district,
        String subject,
        String body,
        int attempts,
        String lastError,
        OffsetDateTime deadline,
        UUID reportsNotice,
        int resends,
        boolean sealedRecipient) {

    String orderId() {
        return cause.orderId();
    }

    /** The same notice with another text (an attempt's acknowledgement link, a re-send's mark). */
    ClaimedNotice withText(String newSubject, String newBody) {
        return new ClaimedNotice(
                id,
                claimToken,
                cause,
                recipient,
                urgency,
                district,
                newSubject,
                newBody,
                attempts,
                lastError,
                deadline,
                reportsNotice,
                resends,
                sealedRecipient);
    }

    /**
     * The attempt of a notice to a sealed recipient ({@link SealedRecipients}): its address and text as opened,
     * marked so channels send it under neutral names.
     */
    ClaimedNotice opened(SealedRecipients.Opened opened) {
        return new ClaimedNotice(
                id,
                claimToken,
                cause,
                new Recipient(recipient.role(), recipient.channel(), opened.address()),
                urgency,
                district,
                opened.subject(),
                opened.body(),
                attempts,
                lastError,
                deadline,
                reportsNotice,
                resends,
                true);
    }
}
