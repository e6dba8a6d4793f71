package kz.qorgau.notification.notice;

/**
 * Published in the transaction that recorded notices; the delivery engine wakes on its commit, so a
 * notice leaves without waiting for the next poll.
 */
public record NoticesRecorded(int count) {}
