package kz.qorgau.order.lookup;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.AccessKind;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.accessrecord.AccessEvents;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import kz.qorgau.order.protectiveorder.ProtectiveOrders;
import kz.qorgau.order.security.OrderAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads orders under the district rule. A read under a break-glass grant, and every read of a victim's
 * contacts, is published as an access event in the same transaction as the read. Contacts are read in
 * the order's own district only, never under a grant ({@link OrderAccess#decideContacts}).
 */
@Service
class OrderLookup {

    /** The personal-data fields an order shows (names and IINs), as access events name them. */
    static final List<String> ORDER_FIELDS = List.of("offender.iin", "offender.name", "victim.iin", "victim.name");

    static final List<String> CONTACT_FIELDS = List.of("victim.contacts");

    private final ProtectiveOrders orders;
    private final OrderAccess access;
    private final AccessEvents accessEvents;

    OrderLookup(ProtectiveOrders orders, OrderAccess access, AccessEvents accessEvents) {
        this.orders = orders;
        this.access = access;
        this.accessEvents = accessEvents;
    }

    @Transactional
    Optional<ProtectiveOrder> order(Staff staff, UUID id) {
        return orders.findById(id)
                .filter(order -> readable(staff, order, access.decide(staff, order), ORDER_FIELDS, null));
    }

    @Transactional
    Optional<VictimContactsRepresentation> victimContacts(Staff staff, UUID id, String purpose) {
        return orders.findById(id)
                .filter(order -> readable(staff, order, access.decideContacts(staff, order), CONTACT_FIELDS, purpose))
                .map(VictimContactsRepresentation::of);
    }

    /**
     * Whether {@code staff} may read {@code order} as {@code decision} says, after publishing the access
     * event it needs: contacts ({@code purpose} given) always need one, the order itself only under a
     * break-glass grant.
     */
    private boolean readable(
            Staff staff, ProtectiveOrder order, OrderAccess.Decision decision, List<String> fields, String purpose) {
        if (decision instanceof OrderAccess.UnderBreakGlass emergency) {
            accessEvents.orderRead(
                    staff,
                    order,
                    AccessKind.BREAK_GLASS_READ,
                    fields,
                    purpose != null ? purpose : emergency.grant().reason(),
                    emergency.grant());
            return true;
        }
        if (decision instanceof OrderAccess.Allowed) {
            if (purpose != null) {
                accessEvents.orderRead(staff, order, AccessKind.VICTIM_CONTACTS_READ, fields, purpose, null);
            }
            return true;
        }
        return false;
    }
}
