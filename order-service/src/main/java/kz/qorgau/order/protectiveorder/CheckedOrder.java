package kz.qorgau.order.protectiveorder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.Prohibition;

/**
 * What a person check reads of an order: its terms, state and unit, none of its sealed personal data. The check
 * needs no name or contact, so none is decrypted for it.
 */
public record CheckedOrder(
        UUID id,
        String orderNumber,
        OrderStatus status,
        String district,
        String policeUnit,
        List<Prohibition> prohibitions,
        Instant issuedAt,
        Instant validUntil,
        Instant servedAt) {

    public CheckedOrder {
        prohibitions = List.copyOf(prohibitions);
    }

    /** Issued and not yet served, or in force until its term ends, even before the expiry scan ran. */
    public boolean activeAt(Instant now) {
        return status.isActive() && (validUntil == null || validUntil.isAfter(now));
    }
}
