package kz.qorgau.order.lookup;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import kz.qorgau.order.protectiveorder.Contact;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;

/** How to reach the person an order protects. Personal data: every read is audited. */
@Schema(name = "VictimContacts", description = "How to reach the person an order protects.")
record VictimContactsRepresentation(
        UUID orderId, @Schema(description = "Most preferred first.") List<Contact> contacts) {

    static VictimContactsRepresentation of(ProtectiveOrder order) {
        return new VictimContactsRepresentation(order.id(), order.victim().contacts());
    }

    @Override
    public String toString() {
        return "VictimContacts[orderId=" + orderId + ", redacted]";
    }
}
