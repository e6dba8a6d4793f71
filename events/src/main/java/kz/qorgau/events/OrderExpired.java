package kz.qorgau.events;

import java.time.Instant;

/**
 * The order's term ended; it is no longer in force. Published once per order by order-service's scan.
 * Published by order-service on {@code qorgau.orders}, keyed by the order id.
 *
 * @param orderId the order's id; also the CloudEvents subject and the Kafka key.
 * @param orderNumber human-facing registration number of the order.
 * @param district code of the administrative district the order belongs to.
 * @param policeUnit code of the police unit that issued the order.
 * @param validUntil when the order stopped being in force (RFC 3339).
 */
public record OrderExpired(String orderId, String orderNumber, String district, String policeUnit, Instant validUntil)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.expired.v1";

    public OrderExpired {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "validUntil", validUntil);
    }
}
