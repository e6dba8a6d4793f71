package kz.qorgau.order.requirements;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.Ban;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.order.protectiveorder.PersonDocument;

/** Special requirements as the API shows them; the ETag header carries their version. */
@Schema(description = "Special requirements for an offender's behaviour, imposed by a court.")
record RequirementsRepresentation(
        UUID id,
        @Schema(nullable = true) UUID orderId,
        @Schema(nullable = true) String administrativeCase,
        String district,
        String court,
        String caseNumber,
        LocalDate decisionDate,
        Instant effectiveFrom,
        Instant validUntil,
        RequirementsStatus status,
        List<Ban> bans,
        @Schema(description = "The offender's IIN; absent for a person without one. Personal data.", nullable = true)
                String offenderIin,
        @Schema(description = "The identity document of an offender without an IIN. Personal data.", nullable = true)
                PersonDocument offenderDocument,
        @Schema(description = "The description of an offender not yet identified. Personal data.", nullable = true)
                String offenderUnidentified,
        @Schema(description = "Places a minor may not visit. Personal data.") List<String> places,
        LegalBasis legalBasis,
        String imposedBy,
        Instant recordedAt,
        @Schema(nullable = true) ReportingSchedule reportingSchedule) {

    static RequirementsRepresentation of(SpecialRequirements requirements) {
        return new RequirementsRepresentation(
                requirements.id(),
                requirements.orderId(),
                requirements.administrativeCase(),
                requirements.district(),
                requirements.court(),
                requirements.caseNumber(),
                requirements.decisionDate(),
                requirements.effectiveFrom(),
                requirements.validUntil(),
                requirements.status(),
                requirements.bans(),
                requirements.offender().iin(),
                requirements.offender().document(),
                requirements.offender().unidentified(),
                requirements.offender().places(),
                requirements.legalBasis(),
                requirements.imposedBy(),
                requirements.recordedAt(),
                requirements.schedule());
    }

    @Override
    public String toString() {
        return "RequirementsRepresentation[" + id + ", redacted]";
    }
}
