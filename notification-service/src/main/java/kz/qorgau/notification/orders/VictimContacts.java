package kz.qorgau.notification.orders;

import kz.qorgau.events.EventContractException;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.VictimContact;
import kz.qorgau.events.sealed.SealedFieldCipher;
import kz.qorgau.events.sealed.SealedFieldException;
import org.springframework.stereotype.Component;

/**
 * Opens the victim's sealed contact details of an order. Nothing in this slice uses them yet
 * (victim notices come later), but a field this service cannot open is a broken contract and must
 * be found now, on the dead-letter topic, not when a victim needs a notice.
 */
@Component
class VictimContacts {

    private final SealedFieldCipher cipher;

    VictimContacts(SealedFieldCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * @throws EventContractException if the field does not open (unknown key, tampered, or copied
     *     from another order) or does not hold a VictimContact
     */
    VictimContact open(OrderIssued order) {
        try {
            return cipher.openJson(
                    order.victimContact(),
                    SealedFieldCipher.binding(order.orderId(), OrderIssued.VICTIM_CONTACT_FIELD),
                    VictimContact.class);
        } catch (SealedFieldException e) {
            throw new EventContractException(
                    OrderIssued.TYPE, OrderIssued.VICTIM_CONTACT_FIELD, "does not open (" + e.reason() + ")", e);
        } catch (EventContractException e) {
            throw new EventContractException(
                    OrderIssued.TYPE, OrderIssued.VICTIM_CONTACT_FIELD, "does not hold a valid VictimContact");
        }
    }
}
