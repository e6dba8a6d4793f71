package kz.qorgau.events;

import java.time.Instant;

/**
 * The order expires within the configured warning time. The unit is asked to re-assess the risk, decide
 * whether to ask a court for special requirements, and brief the victim. Published once per order by
 * order-service's scan. Published by order-service on {@code qorgau.orders}, keyed by the order id.
 *
 * @param orderId the order's id; also the CloudEvents subject and the Kafka key.
 * @param orderNumber human-facing registration number of the order.
 * @param district code of the administrative district the order belongs to.
 * @param policeUnit code of the police unit that issued the order.
 * @param validUntil when the order stops being in force (RFC 3339).
 * @param warnedAt when the warning fell due (RFC 3339): the configured time before validUntil; before
 *     validUntil.
 */
public record ExpiryApproaching(
        String orderId, String orderNumber, String district, String policeUnit, Instant validUntil, Instant warnedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.expiry.approaching.v1";

    public ExpiryApproaching {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "validUntil", validUntil);
        Checks.required(TYPE, "warnedAt", warnedAt);
        Checks.after(TYPE, "validUntil", validUntil, "warnedAt", warnedAt);
    }
}
