package kz.qorgau.order.approachban;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import kz.qorgau.order.protectiveorder.OffenderIdentity;
import kz.qorgau.order.protectiveorder.PersonDocument;

/**
 * A court's ban on approaching as stored and as the API shows it; the offender's IIN opened from its
 * sealed column. {@link #toString()} is redacted.
 */
@Schema(description = "A court's ban on approaching the victim.")
record ApproachBan(
        UUID id,
        @Schema(nullable = true) UUID orderId,
        @Schema(nullable = true) String criminalCase,
        String district,
        String court,
        String caseNumber,
        LocalDate decisionDate,
        int distanceMeters,
        Instant effectiveFrom,
        @Schema(description = "Absent until the court ends it.", nullable = true) Instant validUntil,
        @Schema(allowableValues = {"IN_FORCE", "ENDED"}) String status,
        @Schema(description = "The offender's IIN; absent for a person without one. Personal data.", nullable = true)
                String offenderIin,
        @Schema(description = "The identity document of an offender without an IIN. Personal data.", nullable = true)
                PersonDocument offenderDocument,
        @Schema(description = "The description of an offender not yet identified. Personal data.", nullable = true)
                String offenderUnidentified,
        String imposedBy,
        Instant recordedAt,
        @Schema(nullable = true) Instant endedAt,
        @Schema(nullable = true) String endReason,
        @Schema(description = "The ETag's version.") int version) {

    static final String IN_FORCE = "IN_FORCE";
    static final String ENDED = "ENDED";

    OffenderIdentity offender() {
        return new OffenderIdentity(offenderIin, offenderDocument, offenderUnidentified);
    }

    String orderIdText() {
        return orderId == null ? null : orderId.toString();
    }

    @Override
    public String toString() {
        return "ApproachBan[" + id + ", redacted]";
    }
}
