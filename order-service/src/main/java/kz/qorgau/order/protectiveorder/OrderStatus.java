package kz.qorgau.order.protectiveorder;

/**
 * Where an order is in its life: ISSUED, then IN_FORCE once served, then EXPIRED or REVOKED; an order
 * entered in error is VOIDED before it is served. No order is ever deleted.
 */
public enum OrderStatus {
    /** Issued by an officer, not yet served on the offender (its term has not started). */
    ISSUED,
    /** Served on the offender: in force until its valid-until time. */
    IN_FORCE,
    /** Its term ended. */
    EXPIRED,
    /** Ended early by a supervisor while in force. */
    REVOKED,
    /** Entered in error and never served; kept, never deleted. */
    VOIDED;

    /** Issued or in force: what a person check and a new order's warning look for. */
    public boolean isActive() {
        return this == ISSUED || this == IN_FORCE;
    }
}
