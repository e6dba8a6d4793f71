package kz.qorgau.events;

import java.time.Instant;
import java.util.List;
import kz.qorgau.events.sealed.SealedField;

/**
 * A police officer issued a protective order. Published by order-service on {@code qorgau.orders}.
 *
 * @param orderId the order's id (UUID string); also the CloudEvents subject and the Kafka key
 * @param orderNumber the human-facing registration number of the order
 * @param district code of the administrative district
 * @param policeUnit code of the issuing police unit
 * @param issuedBy the issuing officer's personnel id (never a name)
 * @param prohibitions what the offender is forbidden, at least one, no duplicates
 * @param issuedAt when the order was issued
 * @param validUntil when the order expires; {@code null} until the order is served on the offender
 * @param legalBasis the provision the order was issued under
 * @param victimContact the victim's contact details ({@link VictimContact}), sealed; bound with
 *     {@link kz.qorgau.events.sealed.SealedFieldCipher#binding(String, String)} to this order id and
 *     {@link #VICTIM_CONTACT_FIELD}
 * @param riskLevel the level the issuing officer assessed (the same as the {@link RiskLevelChanged} that follows it
 *     in the same transaction), so a reader knows it from the first event; null or absent in records published
 *     before it was added (an optional field: still v1, docs/adr/0039)
 */
public record OrderIssued(
        String orderId,
        String orderNumber,
        String district,
        String policeUnit,
        String issuedBy,
        List<Prohibition> prohibitions,
        Instant issuedAt,
        Instant validUntil,
        LegalBasis legalBasis,
        SealedField victimContact,
        RiskLevel riskLevel)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.issued.v1";

    /** Field name used in the sealed field's associated data. */
    public static final String VICTIM_CONTACT_FIELD = "victimContact";

    public OrderIssued {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "issuedBy", issuedBy, Checks.MAX_CODE_LENGTH);
        prohibitions = Checks.nonEmptyDistinct(TYPE, "prohibitions", prohibitions);
        Checks.required(TYPE, "issuedAt", issuedAt);
        if (validUntil != null && !validUntil.isAfter(issuedAt)) {
            throw new EventContractException(TYPE, "validUntil", "must be after issuedAt");
        }
        Checks.required(TYPE, "legalBasis", legalBasis);
        Checks.required(TYPE, VICTIM_CONTACT_FIELD, victimContact);
    }

    /** An order issued without a risk level (as published before the field was added). */
    public OrderIssued(
            String orderId,
            String orderNumber,
            String district,
            String policeUnit,
            String issuedBy,
            List<Prohibition> prohibitions,
            Instant issuedAt,
            Instant validUntil,
            LegalBasis legalBasis,
            SealedField victimContact) {
        this(
                orderId,
                orderNumber,
                district,
                policeUnit,
                issuedBy,
                prohibitions,
                issuedAt,
                validUntil,
                legalBasis,
                victimContact,
                null);
    }
}
