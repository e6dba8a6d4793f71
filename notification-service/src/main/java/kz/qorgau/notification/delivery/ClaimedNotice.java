package kz.qorgau.notification.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;
import kz.qorgau.notification.notice.NoticeCause;
import kz.qorgau.notification.notice.Recipient;
import kz.qorgau.notification.notice.Urgency;

/**
 * A notice a worker has claimed: everything needed to send it and record the outcome without reading the
 * row again. The claim token fences the outcome: a worker whose lease ran out records nothing.
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
        UUID reportsNotice) {

    String orderId() {
        return cause.orderId();
    }
}
