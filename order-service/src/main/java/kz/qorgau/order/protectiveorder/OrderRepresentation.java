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
        ProtectedPerson victim,
        @Schema(description = "The minor or incapable members of the family the order also protects.")
                List<FamilyMember> protectedPersons,
        @Schema(description = "When it was served on the offender; null until then.", nullable = true) Instant servedAt,
        @Schema(description = "The offender violated an order, or had another order within the repeat window.")
                boolean repeatOffender,
        @Schema(description = "The offender's earlier order this one repeats, if any.", nullable = true)
                UUID previousOrderId,
        @Schema(
                        description = "Things the issuing officer should know, e.g. another order in force against the"
                                + " offender (its number and unit only). Empty on reads.")
                List<Warning> warnings) {

    /** Something to know about a new order: only what the district rule lets any district see. */
    @Schema(name = "OrderWarning")
    public record Warning(
            @Schema(example = "OFFENDER_HAS_ORDER_IN_FORCE") String code,
            @Schema(description = "The other order's number.") String orderNumber,
            @Schema(description = "The other order's police unit, to call.") String policeUnit) {}

    public static OrderRepresentation of(ProtectiveOrder order) {
        return of(order, List.of());
    }

    public static OrderRepresentation of(ProtectiveOrder order, List<Warning> warnings) {
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
                ProtectedPerson.of(order.victim()),
                order.victim().protectedPersons(),
                order.servedAt(),
                order.repeatOffender(),
                order.previousOrderId(),
                List.copyOf(warnings));
    }

    @Override
    public String toString() {
        return "OrderRepresentation[id=" + id + ", orderNumber=" + orderNumber + "]";
    }
}
