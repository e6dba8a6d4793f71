package kz.qorgau.order.lookup;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.AccessKind;
import kz.qorgau.order.access.AccessEvents;
import kz.qorgau.order.access.OrderAccess;
import kz.qorgau.order.access.Staff;
import kz.qorgau.order.protectiveorder.OrderRepresentation;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import kz.qorgau.order.protectiveorder.ProtectiveOrders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads orders under the district rule. A read under a break-glass grant, and every read of a victim's
 * contacts, is published as an access event in the same transaction as the read.
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
    Optional<OrderRepresentation> order(Staff staff, UUID id) {
        return readable(staff, id, ORDER_FIELDS, null).map(OrderRepresentation::of);
    }

    @Transactional
    Optional<VictimContactsRepresentation> victimContacts(Staff staff, UUID id, String purpose) {
        return readable(staff, id, CONTACT_FIELDS, purpose).map(VictimContactsRepresentation::of);
    }

    /**
     * The order if {@code staff} may read it, after publishing the access event it needs: contacts
     * ({@code purpose} given) always need one, the order itself only under a break-glass grant.
     */
    private Optional<ProtectiveOrder> readable(Staff staff, UUID id, List<String> fields, String purpose) {
        Optional<ProtectiveOrder> found = orders.findById(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ProtectiveOrder order = found.get();
        OrderAccess.Decision decision = access.decide(staff, order);
        if (decision instanceof OrderAccess.UnderBreakGlass emergency) {
            accessEvents.orderRead(
                    staff,
                    order,
                    AccessKind.BREAK_GLASS_READ,
                    fields,
                    purpose != null ? purpose : emergency.grant().reason(),
                    emergency.grant());
            return found;
        }
        if (decision instanceof OrderAccess.Allowed) {
            if (purpose != null) {
                accessEvents.orderRead(staff, order, AccessKind.VICTIM_CONTACTS_READ, fields, purpose, null);
            }
            return found;
        }
        return Optional.empty();
    }
}
