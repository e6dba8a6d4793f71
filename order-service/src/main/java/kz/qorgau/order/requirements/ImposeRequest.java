package kz.qorgau.order.requirements;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.Ban;
import kz.qorgau.order.protectiveorder.OffenderIdentity;
import kz.qorgau.order.protectiveorder.PersonDocument;
import kz.qorgau.order.protectiveorder.ValidIin;
import org.hibernate.validator.constraints.UniqueElements;

/** The body of {@code POST /api/v1/special-requirements}. Unknown properties are refused. */
@Schema(description = "Special requirements a court imposed on an offender.")
public record ImposeRequest(
        @Schema(description = "The protective order that led to them; or give administrativeCase.", nullable = true)
                UUID orderId,
        @Schema(
                        description =
                                "The administrative case that led to them, as its number; required without orderId.",
                        example = "ALM-BOSTANDYK-73-2026-0311",
                        nullable = true)
                @Size(max = 64)
                @Pattern(regexp = CODE, message = CODE_MESSAGE)
                String administrativeCase,
        @Schema(
                        description = "The district that supervises them; the order's district when orderId is given"
                                + " (and then it must be that district or absent).",
                        example = "ALM-BOSTANDYK",
                        nullable = true)
                @Size(max = 32)
                @Pattern(regexp = "^[A-Z][A-Z0-9-]{0,31}$", message = "must be an upper-case district code")
                String district,
        @Schema(description = "The court, as its code.", example = "ALM-SMAS-01")
                @NotBlank
                @Size(max = 64)
                @Pattern(regexp = CODE, message = CODE_MESSAGE)
                String court,
        @Schema(description = "The court's case number.", example = "7510-26-00-4/1234")
                @NotBlank
                @Size(max = 64)
                @Pattern(regexp = CODE, message = CODE_MESSAGE)
                String caseNumber,
        @Schema(description = "The day of the decision; not in the future.") @NotNull LocalDate decisionDate,
        @Schema(
                        description = "The day they come into force, not before the decision; at most the configured"
                                + " backdating (72 h) in the past, or later.")
                @NotNull
                LocalDate effectiveDate,
        @Schema(description = "Their term in months from the effective day; 3 to 12 by default (configuration).")
                @NotNull
                @Min(1)
                @Max(120)
                Integer termMonths,
        @Schema(
                        description = "The offender's IIN; or give offenderDocument or offenderUnidentified. Personal"
                                + " data: encrypted at rest.",
                        example = "850101300005",
                        nullable = true)
                @ValidIin
                String offenderIin,
        @Schema(description = "What the offender is forbidden; at least one, no duplicates.") @NotEmpty @UniqueElements
                List<@NotNull Ban> bans,
        @Schema(
                        description = "With VISITING_PLACES (minors only): the places the court named; 1 to 10."
                                + " Personal data: encrypted at rest, never published.",
                        nullable = true)
                @Size(max = 10)
                List<@NotBlank @Size(max = 200) String> places,
        @Schema(
                        description =
                                "For an offender without an IIN: their identity document. Personal data: encrypted"
                                        + " at rest.",
                        nullable = true)
                @Valid
                PersonDocument offenderDocument,
        @Schema(
                        description =
                                "For an offender not yet identified: a description (1 to 500 characters, no control"
                                        + " characters). Personal data: encrypted at rest.",
                        nullable = true)
                @Size(max = OffenderIdentity.MAX_DESCRIPTION)
                @Pattern(regexp = "^[^\\p{Cntrl}]*$", message = "must not contain control characters")
                String offenderUnidentified) {

    static final String CODE = "^[\\p{L}0-9][\\p{L}0-9/._-]{0,63}$";
    static final String CODE_MESSAGE = "must be a code of letters, digits and / . _ -";

    /** Who the offender is; a 400 unless exactly one of the IIN, the document or the description names them. */
    OffenderIdentity offender() {
        return OffenderIdentity.required(
                OffenderIdentity.COURT_MEASURE, offenderIin, offenderDocument, offenderUnidentified);
    }

    @Override
    public String toString() {
        return "ImposeRequest[redacted]";
    }
}
