package kz.qorgau.order.protectiveorder;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.Prohibition;

/**
 * A police protective order (защитное предписание): issued by an officer against an offender to protect
 * a victim; its term starts when it is served on the offender.
 *
 * @param id the order's id; also the subject and Kafka key of its events
 * @param orderNumber human-facing registration number, e.g. {@code PO-AST-ESIL-2026-000123}
 * @param district code of the administrative district
 * @param policeUnit code of the issuing police unit
 * @param issuingOfficer personnel id of the issuing officer
 * @param prohibitions what the offender is forbidden; at least one, no duplicates
 * @param legalBasis the provision it was issued under (from configuration at the time of issue)
 * @param validUntil {@code null} until the order is served
 * @param servedAt when it was served on the offender; {@code null} until then
 * @param version raised by every change of the order: its ETag
 * @param repeatOffender the offender violated an order, or had another within the repeat window
 * @param previousOrderId the offender's earlier order this one repeats, if any
 */
public record ProtectiveOrder(
        UUID id,
        String orderNumber,
        OrderStatus status,
        String district,
        String policeUnit,
        String issuingOfficer,
        List<Prohibition> prohibitions,
        LegalBasis legalBasis,
        Instant issuedAt,
        Instant validUntil,
        Offender offender,
        Victim victim,
        Instant servedAt,
        int version,
        boolean repeatOffender,
        UUID previousOrderId) {

    /** A new order as issued: never served, first version. */
    public ProtectiveOrder(
            UUID id,
            String orderNumber,
            OrderStatus status,
            String district,
            String policeUnit,
            String issuingOfficer,
            List<Prohibition> prohibitions,
            LegalBasis legalBasis,
            Instant issuedAt,
            Instant validUntil,
            Offender offender,
            Victim victim) {
        this(
                id,
                orderNumber,
                status,
                district,
                policeUnit,
                issuingOfficer,
                prohibitions,
                legalBasis,
                issuedAt,
                validUntil,
                offender,
                victim,
                null,
                1,
                false,
                null);
    }

    public ProtectiveOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orderNumber, "orderNumber");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(policeUnit, "policeUnit");
        Objects.requireNonNull(issuingOfficer, "issuingOfficer");
        prohibitions = List.copyOf(prohibitions);
        if (prohibitions.isEmpty() || prohibitions.stream().distinct().count() != prohibitions.size()) {
            throw new IllegalArgumentException("prohibitions must be non-empty and distinct");
        }
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(offender, "offender");
        Objects.requireNonNull(victim, "victim");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
    }

    /** The same order as a repeat of {@code previous}, issued against an offender who had one before. */
    public ProtectiveOrder repeating(UUID previous) {
        return new ProtectiveOrder(
                id,
                orderNumber,
                status,
                district,
                policeUnit,
                issuingOfficer,
                prohibitions,
                legalBasis,
                issuedAt,
                validUntil,
                offender,
                victim,
                servedAt,
                version,
                true,
                previous);
    }

    @Override
    public String toString() {
        // Only what may appear in a log line; offender and victim are personal data.
        return "ProtectiveOrder[id=" + id + ", orderNumber=" + orderNumber + ", status=" + status + "]";
    }
}
