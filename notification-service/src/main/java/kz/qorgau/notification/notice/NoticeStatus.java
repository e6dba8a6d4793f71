package kz.qorgau.notification.notice;

/** Where a notice stands. PENDING until the channel accepted it (SENT) or we gave up (FAILED). */
public enum NoticeStatus {
    PENDING,
    SENT,
    FAILED
}
