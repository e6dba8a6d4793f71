package kz.qorgau.notification.notice;

/** How long a notice is worth trying: each urgency has its own delivery deadline (docs/configuration.md). */
public enum Urgency {
    /** A police alert: an order issued, a violation, a victim's HELP. */
    URGENT,
    /** Everything else: reminders, expiry notices. */
    ROUTINE
}
