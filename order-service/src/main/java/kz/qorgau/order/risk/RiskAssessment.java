package kz.qorgau.order.risk;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.events.RiskLevel;

/** A recorded assessment, and when the next one falls due. */
@Schema(description = "An assessment of the order's risk.")
record RiskAssessment(
        UUID id,
        UUID orderId,
        @Schema(nullable = true) RiskLevel previousLevel,
        RiskLevel level,
        @Schema(nullable = true) String reason,
        String assessedBy,
        Instant assessedAt,
        Instant recordedAt,
        @Schema(description = "When the re-assessment falls due, by level (configuration).") Instant reassessmentDue) {}
