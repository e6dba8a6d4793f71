package kz.qorgau.events;

import java.time.Instant;

/**
 * A recorded compliance check was corrected. The correction is a new check that replaces the one it names;
 * the original is kept, never overwritten. Published by order-service on {@code qorgau.orders}, keyed by
 * the order id.
 *
 * @param orderId the order's id; also the CloudEvents subject and the Kafka key.
 * @param orderNumber human-facing registration number of the order.
 * @param district code of the administrative district the order belongs to.
 * @param policeUnit code of the police unit that issued the order.
 * @param checkId the correcting check's own id.
 * @param correctsCheckId the check this one corrects.
 * @param correctedBy personnel id of the officer who entered the correction.
 * @param reason why, as a code such as WRONG_TIME. A code, not free text.
 * @param method how the check was made; null or absent when not recorded.
 * @param checkedAt when the check happened, as corrected (RFC 3339).
 * @param recordedAt when the correction was entered (RFC 3339).
 */
public record ComplianceCheckCorrected(
        String orderId,
        String orderNumber,
        String district,
        String policeUnit,
        String checkId,
        String correctsCheckId,
        String correctedBy,
        String reason,
        ComplianceCheckRecorded.Method method,
        Instant checkedAt,
        Instant recordedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.check.corrected.v1";

    public ComplianceCheckCorrected {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.uuid(TYPE, "checkId", checkId);
        Checks.uuid(TYPE, "correctsCheckId", correctsCheckId);
        Checks.text(TYPE, "correctedBy", correctedBy, Checks.MAX_CODE_LENGTH);
        Checks.code(TYPE, "reason", reason);
        Checks.required(TYPE, "checkedAt", checkedAt);
        Checks.required(TYPE, "recordedAt", recordedAt);
        Checks.notAfter(TYPE, "checkedAt", checkedAt, "recordedAt", recordedAt);
    }
}
