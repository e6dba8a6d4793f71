package kz.qorgau.events;

import java.time.Instant;

/**
 * Police checked the offender's compliance with the order (a visit, a call). Where the check happened
 * stays in order-service; it is not needed by consumers. Published by order-service on {@code
 * qorgau.orders}, keyed by the order id.
 *
 * @param orderId the order's id; also the CloudEvents subject and the Kafka key.
 * @param orderNumber human-facing registration number of the order.
 * @param district code of the administrative district the order belongs to.
 * @param policeUnit code of the police unit that issued the order.
 * @param checkId the check's id; a correction names it.
 * @param checkedBy personnel id of the officer who checked.
 * @param method how the check was made; null or absent when not recorded.
 * @param checkedAt when the check happened (RFC 3339).
 * @param recordedAt when it was entered (RFC 3339).
 */
public record ComplianceCheckRecorded(
        String orderId,
        String orderNumber,
        String district,
        String policeUnit,
        String checkId,
        String checkedBy,
        Method method,
        Instant checkedAt,
        Instant recordedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.check.recorded.v1";

    public ComplianceCheckRecorded {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.uuid(TYPE, "checkId", checkId);
        Checks.text(TYPE, "checkedBy", checkedBy, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "checkedAt", checkedAt);
        Checks.required(TYPE, "recordedAt", recordedAt);
        Checks.notAfter(TYPE, "checkedAt", checkedAt, "recordedAt", recordedAt);
    }

    /** How the check was made. */
    public enum Method {
        VISIT,
        CALL,
        OTHER
    }
}
