package kz.qorgau.events;

import java.time.Instant;

/**
 * A compliance check fell due and none was recorded by then; the unit head (SUPERVISOR) is to be told.
 * Published once per order and due time by order-service's scan. Published by order-service on {@code
 * qorgau.orders}, keyed by the order id.
 *
 * @param orderId the order's id; also the CloudEvents subject and the Kafka key.
 * @param orderNumber human-facing registration number of the order.
 * @param district code of the administrative district the order belongs to.
 * @param policeUnit code of the police unit that issued the order.
 * @param dueAt when the check fell due (RFC 3339).
 * @param lastCheckedAt when the last recorded check happened (RFC 3339); null or absent if none was recorded.
 */
public record ComplianceCheckOverdue(
        String orderId, String orderNumber, String district, String policeUnit, Instant dueAt, Instant lastCheckedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.check.overdue.v1";

    public ComplianceCheckOverdue {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "dueAt", dueAt);
        Checks.notAfter(TYPE, "lastCheckedAt", lastCheckedAt, "dueAt", dueAt);
    }
}
