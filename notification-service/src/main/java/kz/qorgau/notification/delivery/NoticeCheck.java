package kz.qorgau.notification.delivery;

import java.util.Optional;
import kz.qorgau.notification.notice.NoticeCause;
import kz.qorgau.notification.notice.Recipient;

/**
 * Asked before each attempt whether a notice is still true (issue 13's stale notices): a check that answers
 * with a reason code (say, a "not served yet" notice after the order was served) has the notice marked
 * SUPERSEDED, not sent, and {@code NotificationSuperseded} published in the same transaction (docs/adr/0024).
 */
public interface NoticeCheck {

    Optional<String> supersededBecause(NoticeCause cause, Recipient recipient);
}
