package kz.qorgau.order.violation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.Prohibition;

/** A violation as the API shows it; the order's new ETag is in the response's header. */
@Schema(name = "Violation", description = "A reported violation of an order and what followed.")
record ViolationRepresentation(
        UUID id,
        UUID orderId,
        @Schema(description = "REPORTED, or CONFIRMED with its case number.") String status,
        Instant occurredAt,
        List<Prohibition> breached,
        @Schema(description = "The provision it falls under (art. 461, with the sanction's edition).")
                LegalBasis legalBasis,
        @Schema(nullable = true) String caseNumber,
        @Schema(nullable = true) Instant confirmedAt,
        @Schema(nullable = true) Instant arrestStartedAt,
        @Schema(nullable = true) Instant arrestEndedAt) {

    static ViolationRepresentation of(Violations.Violation violation) {
        return new ViolationRepresentation(
                violation.id(),
                violation.orderId(),
                violation.confirmedAt() == null ? "REPORTED" : "CONFIRMED",
                violation.occurredAt(),
                violation.breached(),
                violation.legalBasis(),
                violation.caseNumber(),
                violation.confirmedAt(),
                violation.arrestStartedAt(),
                violation.arrestEndedAt());
    }
}
