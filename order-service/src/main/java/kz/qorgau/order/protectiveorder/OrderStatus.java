package kz.qorgau.order.protectiveorder;

/** Where an order is in its life. Later issues add SERVED, EXPIRED, REVOKED. */
public enum OrderStatus {
    /** Issued by an officer, not yet served on the offender (its term has not started). */
    ISSUED
}
