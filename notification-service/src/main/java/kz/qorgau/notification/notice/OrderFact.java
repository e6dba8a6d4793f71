package kz.qorgau.notification.notice;

import java.time.Instant;
import kz.qorgau.events.RiskLevel;

/**
 * What the police are told about an event of an order's life: which occurrence, the order by its number,
 * district and issuing unit, and when it happened (or falls due), with the notice's urgency (the occurrence's
 * unless the event decides) and an optional line of detail in both languages, and the order's risk level when known
 * (docs/adr/0039). Names the order, nobody in it.
 */
public record OrderFact(
        Occurrence what,
        String orderId,
        String orderNumber,
        String district,
        String policeUnit,
        Instant at,
        Urgency urgency,
        String detail,
        RiskLevel riskLevel) {

    public OrderFact(
            Occurrence what, String orderId, String orderNumber, String district, String policeUnit, Instant at) {
        this(what, orderId, orderNumber, district, policeUnit, at, what.urgency(), null);
    }

    /** A fact whose order's risk level is not known yet. */
    public OrderFact(
            Occurrence what,
            String orderId,
            String orderNumber,
            String district,
            String policeUnit,
            Instant at,
            Urgency urgency,
            String detail) {
        this(what, orderId, orderNumber, district, policeUnit, at, urgency, detail, null);
    }

    /** The same fact about an order at {@code level}: urgent at HIGH or EXTREME ({@link RiskUrgency}). */
    public OrderFact atRisk(RiskLevel level) {
        return level == null
                ? this
                : new OrderFact(
                        what,
                        orderId,
                        orderNumber,
                        district,
                        policeUnit,
                        at,
                        RiskUrgency.of(urgency, level),
                        detail,
                        level);
    }
}
