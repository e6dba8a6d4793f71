package kz.qorgau.events;

import java.time.Instant;

/**
 * A supervisor revoked an order in force before its term ended; it is no longer in force. Published by
 * order-service on {@code qorgau.orders}, keyed by the order id.
 *
 * @param orderId the order's id; also the CloudEvents subject and the Kafka key.
 * @param orderNumber human-facing registration number of the order.
 * @param district code of the administrative district the order belongs to.
 * @param policeUnit code of the police unit that issued the order.
 * @param revokedBy personnel id of the supervisor who revoked the order.
 * @param reason why, as a code such as COURT_DECISION. A code, not free text.
 * @param revokedAt when the order was revoked (RFC 3339).
 */
public record OrderRevoked(
        String orderId,
        String orderNumber,
        String district,
        String policeUnit,
        String revokedBy,
        String reason,
        Instant revokedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.revoked.v1";

    public OrderRevoked {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "revokedBy", revokedBy, Checks.MAX_CODE_LENGTH);
        Checks.code(TYPE, "reason", reason);
        Checks.required(TYPE, "revokedAt", revokedAt);
    }
}
