package kz.qorgau.notification.status;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** One notice of an order, as its district's police see it: never an address. */
@Schema(description = "One notice: an event told to one recipient (by role) over one channel.")
record NoticeView(
        @Schema(description = "The notice's id: notificationId of its NotificationSent/NotificationFailed.")
                String noticeId,
        @Schema(description = "The CloudEvents id of the event it tells.") String eventId,
        @Schema(description = "The CloudEvents type of the event it tells.") String eventType,
        @Schema(description = "Who is told, as a role code.", example = "DUTY_UNIT") String recipientRole,
        @Schema(
                        description = "How.",
                        allowableValues = {"EMAIL", "SMS", "WEBHOOK"})
                String channel,
        @Schema(
                        description = "Where it stands.",
                        allowableValues = {"PENDING", "SENT", "FAILED", "SUPERSEDED"})
                String status,
        @Schema(description = "Attempts so far.") int attempts,
        @Schema(description = "The last failure's reason code, if any.", example = "SMTP_UNAVAILABLE") String lastError,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt,
        OffsetDateTime failedAt,
        @Schema(description = "When the recipient acknowledged it through its link (docs/adr/0024), if they did.")
                OffsetDateTime acknowledgedAt,
        @Schema(description = "How often it was sent again, unacknowledged.") int resends,
        @Schema(description = "When it was escalated to the district's supervisor, unacknowledged, if it was.")
                OffsetDateTime escalatedAt) {}
