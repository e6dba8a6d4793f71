package kz.qorgau.notification.delivery;

import java.util.UUID;
import kz.qorgau.notification.notice.NoticeCause;
import kz.qorgau.notification.notice.Recipient;

/**
 * Published, inside the transaction that marks it FAILED, when a notice is given up; a listener may record
 * follow-up notices (the supervisor's) in that same transaction.
 *
 * @param reportsNotice the notice this one reported on, if it was itself a follow-up (a supervisor's notice
 *     that fails starts no further follow-up)
 */
public record NoticeGivenUp(
        UUID noticeId, NoticeCause cause, Recipient recipient, String district, String reason, UUID reportsNotice) {}
