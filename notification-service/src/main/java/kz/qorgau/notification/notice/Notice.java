package kz.qorgau.notification.notice;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One notice: one event told to one recipient over one channel. Its id is the {@code
 * notificationId} of the NotificationSent / NotificationFailed event and stays the same across
 * attempts and redeliveries.
 */
public record Notice(
        UUID id,
        UUID eventId,
        String orderId,
        Recipient recipient,
        NoticeStatus status,
        int attempts,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt,
        OffsetDateTime failedAt,
        String lastError) {}
