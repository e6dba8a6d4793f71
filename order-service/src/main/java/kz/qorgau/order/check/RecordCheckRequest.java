package kz.qorgau.order.check;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import kz.qorgau.events.ComplianceCheckRecorded;

/** The body of {@code POST /api/v1/orders/{id}/checks}. Unknown properties are refused. */
@Schema(description = "Police checked the offender's compliance with the order.")
record RecordCheckRequest(
        @Schema(
                        description = "When the check happened; now if absent. At most the configured backdating"
                                + " (72 h) ago, never in the future.",
                        nullable = true)
                Instant checkedAt,
        @Schema(description = "How the check was made.", nullable = true) ComplianceCheckRecorded.Method method,
        @Schema(description = "Where, as a code (never an address).", example = "OFFENDER_HOME", nullable = true)
                @Pattern(regexp = "^[A-Z][A-Z0-9_]{0,63}$", message = "must be an upper-case code")
                String place) {}
