package kz.qorgau.events;

import java.time.Instant;

/**
 * A supervisor voided an order that was never served, as entered in error. It is kept, never deleted, and
 * was never in force. Published by order-service on {@code qorgau.orders}, keyed by the order id.
 *
 * @param orderId the order's id; also the CloudEvents subject and the Kafka key.
 * @param orderNumber human-facing registration number of the order.
 * @param district code of the administrative district the order belongs to.
 * @param policeUnit code of the police unit that issued the order.
 * @param voidedBy personnel id of the supervisor who voided the order.
 * @param reason why, as a code such as ENTERED_IN_ERROR. A code, not free text.
 * @param voidedAt when the order was voided (RFC 3339).
 */
public record OrderVoided(
        String orderId,
        String orderNumber,
        String district,
        String policeUnit,
        String voidedBy,
        String reason,
        Instant voidedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.voided.v1";

    public OrderVoided {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "voidedBy", voidedBy, Checks.MAX_CODE_LENGTH);
        Checks.code(TYPE, "reason", reason);
        Checks.required(TYPE, "voidedAt", voidedAt);
    }
}
