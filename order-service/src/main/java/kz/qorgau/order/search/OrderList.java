package kz.qorgau.order.search;

/**
 * The lists a district works from, each in the order that list is worked in. {@link #ALL} with the
 * optional filters is the general search.
 */
enum OrderList {
    /** Every order matching the filters, newest first. */
    ALL,
    /** In force and ending within {@code within}, soonest first (the 30-day cliff). */
    EXPIRING,
    /** In force with a compliance check past its due time, longest overdue first. */
    CHECKS_OVERDUE,
    /** Issued and still not served {@code within} after issue, oldest first. */
    UNSERVED
}
