package kz.qorgau.order.requirements;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /api/v1/special-requirements/{id}/extensions}. Unknown properties are refused. */
@Schema(description = "A court's decision to extend special requirements.")
record ExtendRequest(
        @Schema(description = "The court, as its code.", example = "ALM-SMAS-01")
                @NotBlank
                @Size(max = 64)
                @Pattern(regexp = ImposeRequest.CODE, message = ImposeRequest.CODE_MESSAGE)
                String court,
        @Schema(description = "The court's case number of the extension.", example = "7510-26-00-4/1890")
                @NotBlank
                @Size(max = 64)
                @Pattern(regexp = ImposeRequest.CODE, message = ImposeRequest.CODE_MESSAGE)
                String caseNumber,
        @Schema(description = "The day of the decision; not in the future.") @NotNull LocalDate decisionDate,
        @Schema(
                        description = "How many months longer; the whole term stays within the configured maximum"
                                + " (12 months from the effective day by default).")
                @NotNull
                @Min(1)
                @Max(120)
                Integer months) {}
