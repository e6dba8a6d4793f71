package kz.qorgau.notification.notice;

/**
 * Where a notice stands. PENDING until the channel accepted it (SENT) or its deadline passed or the
 * channel refused it for good (FAILED). SUPERSEDED: a later event of the order made it untrue before it
 * was sent (the check plugs in before each attempt; docs/adr/0022).
 */
public enum NoticeStatus {
    PENDING,
    SENT,
    FAILED,
    SUPERSEDED
}
