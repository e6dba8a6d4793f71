package kz.qorgau.order.lifecycle;

/**
 * An order was issued or changed, published in the change's transaction for listeners that act after
 * its commit (the operators' counters). Codes only: the event's CloudEvents type and the district.
 */
public record OrderChanged(String eventType, String district) {}
