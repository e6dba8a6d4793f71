package kz.qorgau.order.approachban;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/** The body of {@code POST /api/v1/approach-bans/{id}/end}. Unknown properties are refused. */
@Schema(description = "A court's decision to end a ban on approaching.")
record EndBanRequest(
        @Schema(description = "Why, as a code.", example = "COURT_DECISION")
                @NotNull
                @Pattern(regexp = "^[A-Z][A-Z0-9_]{0,63}$", message = "must be an upper-case code")
                String reason,
        @Schema(description = "The day of the decision; not in the future.") @NotNull LocalDate decisionDate) {}
