package kz.qorgau.notification.notice;

import java.time.Duration;
import java.util.UUID;

/**
 * Published inside the transaction that marks an urgent notice escalated (docs/adr/0024): a listener records the
 * district supervisor's notices in that same transaction.
 *
 * @param unacknowledgedFor how long the notice had waited for an acknowledgement
 */
public record NoticeEscalation(
        UUID noticeId,
        NoticeCause cause,
        Recipient recipient,
        String district,
        int resends,
        Duration unacknowledgedFor) {}
