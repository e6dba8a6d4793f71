package kz.qorgau.events;

import java.time.Instant;

/**
 * The order's risk was not re-assessed by the time its level demands (configurable; VioGén's 72 h, 7, 30
 * and 60 days by default). Published once per order and due time by order-service's scan on {@code
 * qorgau.orders}, keyed by the order id.
 *
 * @param orderId the order's id; also the CloudEvents subject and the Kafka key.
 * @param orderNumber human-facing registration number of the order.
 * @param district code of the administrative district the order belongs to.
 * @param policeUnit code of the police unit that issued the order.
 * @param level the level last assessed.
 * @param lastAssessedAt when it was last assessed (RFC 3339).
 * @param dueAt when the re-assessment fell due (RFC 3339); after lastAssessedAt.
 */
public record RiskReassessmentOverdue(
        String orderId,
        String orderNumber,
        String district,
        String policeUnit,
        RiskLevel level,
        Instant lastAssessedAt,
        Instant dueAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.risk.reassessment.overdue.v1";

    public RiskReassessmentOverdue {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "level", level);
        Checks.required(TYPE, "lastAssessedAt", lastAssessedAt);
        Checks.required(TYPE, "dueAt", dueAt);
        Checks.after(TYPE, "dueAt", dueAt, "lastAssessedAt", lastAssessedAt);
    }
}
