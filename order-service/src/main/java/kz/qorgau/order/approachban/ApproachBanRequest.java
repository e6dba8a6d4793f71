package kz.qorgau.order.approachban;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import kz.qorgau.order.protectiveorder.OffenderIdentity;
import kz.qorgau.order.protectiveorder.PersonDocument;
import kz.qorgau.order.protectiveorder.ValidIin;

/** The body of {@code POST /api/v1/approach-bans}. Unknown properties are refused. */
@Schema(description = "A court's ban on approaching the victim, imposed on a suspect or an accused person.")
public record ApproachBanRequest(
        @Schema(description = "The protective order it concerns; or give criminalCase.", nullable = true) UUID orderId,
        @Schema(
                        description = "The criminal case, as its number; required without orderId.",
                        example = "ALM-BOSTANDYK-CR-2026-0077",
                        nullable = true)
                @Size(max = 64)
                @Pattern(regexp = CODE, message = CODE_MESSAGE)
                String criminalCase,
        @Schema(
                        description =
                                "The district whose police enforce it; the order's district when orderId is given.",
                        example = "ALM-BOSTANDYK",
                        nullable = true)
                @Size(max = 32)
                @Pattern(regexp = "^[A-Z][A-Z0-9-]{0,31}$", message = "must be an upper-case district code")
                String district,
        @Schema(description = "The court, as its code.", example = "ALM-SMAS-02")
                @NotBlank
                @Size(max = 64)
                @Pattern(regexp = CODE, message = CODE_MESSAGE)
                String court,
        @Schema(description = "The court's case number.", example = "7510-26-00-1/0457")
                @NotBlank
                @Size(max = 64)
                @Pattern(regexp = CODE, message = CODE_MESSAGE)
                String caseNumber,
        @Schema(description = "The day of the decision; not in the future.") @NotNull LocalDate decisionDate,
        @Schema(
                        description = "The day it came into force: not before the decision, not in the future, at most"
                                + " the configured backdating (72 h) in the past.")
                @NotNull
                LocalDate effectiveDate,
        @Schema(description = "Its last day, if the court set a term; absent until the court ends it.", nullable = true)
                LocalDate lastDay,
        @Schema(description = "How near the offender may not come to the victim, in metres.", example = "200")
                @NotNull
                @Min(1)
                @Max(100_000)
                Integer distanceMeters,
        @Schema(
                        description = "The offender's IIN; or give offenderDocument or offenderUnidentified. Personal"
                                + " data: encrypted at rest.",
                        example = "850101300005",
                        nullable = true)
                @ValidIin
                String offenderIin,
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
        return "ApproachBanRequest[redacted]";
    }
}
