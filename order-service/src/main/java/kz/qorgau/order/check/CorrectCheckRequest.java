package kz.qorgau.order.check;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import kz.qorgau.events.ComplianceCheckRecorded;

/** The body of {@code POST /api/v1/orders/{id}/checks/{checkId}/corrections}: the check as it really was. */
@Schema(description = "A correction of a recorded check; appended, the original kept.")
record CorrectCheckRequest(
        @Schema(description = "When the check really happened (within the backdating of the original's entry).")
                @NotNull
                Instant checkedAt,
        @Schema(description = "How the check was made.", nullable = true) ComplianceCheckRecorded.Method method,
        @Schema(description = "Where, as a code (never an address).", nullable = true)
                @Pattern(regexp = "^[A-Z][A-Z0-9_]{0,63}$", message = "must be an upper-case code")
                String place,
        @Schema(description = "Why, as a code.", example = "WRONG_TIME")
                @NotNull
                @Pattern(regexp = "^[A-Z][A-Z0-9_]{0,63}$", message = "must be an upper-case code")
                String reason) {}
