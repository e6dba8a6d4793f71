package kz.qorgau.events;

import java.time.Instant;

/**
 * A supervisor confirmed a reported violation and linked it to an administrative-offence case. Published
 * by order-service on {@code qorgau.orders}, keyed by the order id.
 *
 * @param orderId the order's id; also the CloudEvents subject and the Kafka key.
 * @param orderNumber human-facing registration number of the order.
 * @param district code of the administrative district the order belongs to.
 * @param policeUnit code of the police unit that issued the order.
 * @param violationId the violation confirmed (from ViolationReported).
 * @param caseNumber number of the administrative-offence case.
 * @param confirmedBy personnel id of the supervisor who confirmed it.
 * @param legalBasis the provision the case is under, as codes (law, article, edition).
 * @param confirmedAt when it was confirmed (RFC 3339).
 * @param recordedAt when the confirmation was entered (RFC 3339).
 */
public record ViolationConfirmed(
        String orderId,
        String orderNumber,
        String district,
        String policeUnit,
        String violationId,
        String caseNumber,
        String confirmedBy,
        LegalBasis legalBasis,
        Instant confirmedAt,
        Instant recordedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.violation.confirmed.v1";

    public ViolationConfirmed {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.uuid(TYPE, "violationId", violationId);
        Checks.text(TYPE, "caseNumber", caseNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "confirmedBy", confirmedBy, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "legalBasis", legalBasis);
        Checks.required(TYPE, "confirmedAt", confirmedAt);
        Checks.required(TYPE, "recordedAt", recordedAt);
        Checks.notAfter(TYPE, "confirmedAt", confirmedAt, "recordedAt", recordedAt);
    }
}
