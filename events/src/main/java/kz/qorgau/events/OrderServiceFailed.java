package kz.qorgau.events;

import java.time.Instant;

/**
 * An attempt to serve the order on the offender failed; the order stays issued and not in force. Published
 * by order-service on {@code qorgau.orders}, keyed by the order id.
 *
 * @param orderId the order's id; also the CloudEvents subject and the Kafka key.
 * @param orderNumber human-facing registration number of the order.
 * @param district code of the administrative district the order belongs to.
 * @param policeUnit code of the police unit that issued the order.
 * @param attemptedBy personnel id of the officer who tried to serve the order.
 * @param reason why service failed, as a code such as OFFENDER_NOT_FOUND. A code, not free text, so that
 *     no personal data can travel in it.
 * @param attemptedAt when service was attempted (RFC 3339).
 * @param recordedAt when the attempt was entered into the registry (RFC 3339).
 */
public record OrderServiceFailed(
        String orderId,
        String orderNumber,
        String district,
        String policeUnit,
        String attemptedBy,
        String reason,
        Instant attemptedAt,
        Instant recordedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.service.failed.v1";

    public OrderServiceFailed {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "attemptedBy", attemptedBy, Checks.MAX_CODE_LENGTH);
        Checks.code(TYPE, "reason", reason);
        Checks.required(TYPE, "attemptedAt", attemptedAt);
        Checks.required(TYPE, "recordedAt", recordedAt);
        Checks.notAfter(TYPE, "attemptedAt", attemptedAt, "recordedAt", recordedAt);
    }
}
