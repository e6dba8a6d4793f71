package kz.qorgau.events;

import java.time.Instant;

/**
 * The order's risk level was assessed: set at issue, raised by a re-assessment, or lowered by a
 * supervisor with a reason. Its re-assessment falls due by level (configurable; VioGén's 72 h, 7, 30 and
 * 60 days by default). Published by order-service on {@code qorgau.orders}, keyed by the order id.
 *
 * @param orderId the order's id; also the CloudEvents subject and the Kafka key.
 * @param orderNumber human-facing registration number of the order.
 * @param district code of the administrative district the order belongs to.
 * @param policeUnit code of the police unit that issued the order.
 * @param assessedBy personnel id of the officer or supervisor who assessed it.
 * @param previousLevel the level before; null or absent for the first assessment.
 * @param level the level now.
 * @param reason why, as a code; required when the level was lowered. A code, not free text.
 * @param assessedAt when it was assessed (RFC 3339); at most the configured backdating before recordedAt.
 * @param recordedAt when the assessment was entered into the registry (RFC 3339).
 */
public record RiskLevelChanged(
        String orderId,
        String orderNumber,
        String district,
        String policeUnit,
        String assessedBy,
        RiskLevel previousLevel,
        RiskLevel level,
        String reason,
        Instant assessedAt,
        Instant recordedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.risk.level.changed.v1";

    public RiskLevelChanged {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "assessedBy", assessedBy, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "level", level);
        if (reason != null) {
            Checks.code(TYPE, "reason", reason);
        } else if (previousLevel != null && level.isBelow(previousLevel)) {
            throw new EventContractException(TYPE, "reason", "is required when the level is lowered");
        }
        Checks.required(TYPE, "assessedAt", assessedAt);
        Checks.required(TYPE, "recordedAt", recordedAt);
        Checks.notAfter(TYPE, "assessedAt", assessedAt, "recordedAt", recordedAt);
    }
}
