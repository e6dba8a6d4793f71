package kz.qorgau.notification.notice;

import java.time.Instant;

/**
 * What the police are told about an event of an order's life: which occurrence, the order by its number,
 * district and issuing unit, and when it happened (or falls due). Names the order, nobody in it.
 */
public record OrderFact(
        Occurrence what, String orderId, String orderNumber, String district, String policeUnit, Instant at) {}
