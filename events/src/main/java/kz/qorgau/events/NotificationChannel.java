package kz.qorgau.events;

/**
 * How notification-service reached a recipient. Adding a constant needs a new event type version,
 * because readers reject unknown values.
 */
public enum NotificationChannel {
    EMAIL,
    SMS,
    WEBHOOK
}
