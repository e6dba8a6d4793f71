package kz.qorgau.events;

import java.time.Instant;

/**
 * The order was still unserved when its service fell due (the configured hours after issue). Published
 * once per order by order-service's scan. Published by order-service on {@code qorgau.orders}, keyed by
 * the order id.
 *
 * @param orderId the order's id; also the CloudEvents subject and the Kafka key.
 * @param orderNumber human-facing registration number of the order.
 * @param district code of the administrative district the order belongs to.
 * @param policeUnit code of the police unit that issued the order.
 * @param issuedAt when the order was issued (RFC 3339).
 * @param dueAt when service fell due (RFC 3339); after issuedAt.
 */
public record ServiceOverdue(
        String orderId, String orderNumber, String district, String policeUnit, Instant issuedAt, Instant dueAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.service.overdue.v1";

    public ServiceOverdue {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "issuedAt", issuedAt);
        Checks.required(TYPE, "dueAt", dueAt);
        Checks.after(TYPE, "dueAt", dueAt, "issuedAt", issuedAt);
    }
}
