package kz.qorgau.order.risk;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import kz.qorgau.events.RiskLevel;

/** The body of {@code POST /api/v1/orders/{id}/risk-assessments}. Unknown properties are refused. */
@Schema(description = "A (re-)assessment of the order's risk.")
record RiskAssessmentRequest(
        @Schema(description = "The level now.") @NotNull RiskLevel level,
        @Schema(
                        description = "Why, as a code; required to lower the level (supervisors only).",
                        example = "OFFENDER_IN_TREATMENT",
                        nullable = true)
                @Pattern(regexp = "^[A-Z][A-Z0-9_]{0,63}$", message = "must be an upper-case code")
                String reason,
        @Schema(
                        description = "When it was assessed; now if absent. At most the configured backdating (72 h)"
                                + " ago, never in the future.",
                        nullable = true)
                Instant assessedAt) {}
