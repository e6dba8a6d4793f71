package kz.qorgau.order.violation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The body of {@code POST /api/v1/orders/{id}/violations/{violationId}/confirmation}. */
@Schema(description = "A supervisor confirms a reported violation: an administrative case under art. 461.")
record ConfirmViolationRequest(
        @Schema(description = "Number of the administrative-offence case.", example = "AST-ESIL-461-2026-0042")
                @NotNull
                @Size(min = 1, max = 64)
                @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._/-]*$", message = "must be a case number")
                String caseNumber,
        @Schema(description = "When it was confirmed; now if absent (backdating as for every entry).", nullable = true)
                Instant confirmedAt) {}
