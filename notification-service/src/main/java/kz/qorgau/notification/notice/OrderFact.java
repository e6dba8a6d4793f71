package kz.qorgau.notification.notice;

import java.time.Instant;

/**
 * What the police are told about an event of an order's life: which occurrence, the order by its number,
 * district and issuing unit, and when it happened (or falls due), with the notice's urgency (the occurrence's
 * unless the event decides) and an optional line of detail in both languages. Names the order, nobody in it.
 */
public record OrderFact(
        Occurrence what,
        String orderId,
        String orderNumber,
        String district,
        String policeUnit,
        Instant at,
        Urgency urgency,
        String detail) {

    public OrderFact(
            Occurrence what, String orderId, String orderNumber, String district, String policeUnit, Instant at) {
        this(what, orderId, orderNumber, district, policeUnit, at, what.urgency(), null);
    }
}
