package kz.qorgau.order.protectiveorder;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.Prohibition;

/**
 * An order as the API shows it (POST and GET answer with the same shape). Holds personal data, but not
 * the victim's contacts: those are read apart, with a stated purpose, and audited.
 */
@Schema(name = "ProtectiveOrder", description = "A police protective order.")
public record OrderRepresentation(
        @Schema(description = "The order's id.") UUID id,
        @Schema(description = "Human-facing registration number.", example = "PO-AST-ESIL-2026-000123")
                String orderNumber,
        OrderStatus status,
        @Schema(description = "When the order was issued.") Instant issuedAt,
        @Schema(description = "When the order expires; null until it is served on the offender.", nullable = true)
                Instant validUntil,
        String district,
        String policeUnit,
        String issuingOfficer,
        List<Prohibition> prohibitions,
        @Schema(description = "The legal provision the order was issued under.") LegalBasis legalBasis,
        Offender offender,
        ProtectedPerson victim) {

    public static OrderRepresentation of(ProtectiveOrder order) {
        return new OrderRepresentation(
                order.id(),
                order.orderNumber(),
                order.status(),
                order.issuedAt(),
                order.validUntil(),
                order.district(),
                order.policeUnit(),
                order.issuingOfficer(),
                order.prohibitions(),
                order.legalBasis(),
                order.offender(),
                ProtectedPerson.of(order.victim()));
    }

    @Override
    public String toString() {
        return "OrderRepresentation[id=" + id + ", orderNumber=" + orderNumber + "]";
    }
}
