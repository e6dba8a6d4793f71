package kz.qorgau.notification.orders;

import kz.qorgau.events.EventContractException;
import kz.qorgau.events.OrderAmended;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.VictimContact;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.sealed.SealedField;
import kz.qorgau.events.sealed.SealedFieldCipher;
import kz.qorgau.events.sealed.SealedFieldException;
import kz.qorgau.notification.contacts.ContactRecording;
import org.springframework.stereotype.Component;

/**
 * Opens the victim's sealed contacts of an issued or amended order (either version of the plaintext,
 * docs/adr/0030) and has their delivery copy recorded. A field this service cannot open is a broken contract:
 * dead-lettered, so operators see it now, not when a victim needs a notice.
 */
@Component
class VictimContacts {

    private final SealedFieldCipher cipher;
    private final ContactRecording recording;

    VictimContacts(SealedFieldCipher cipher, ContactRecording recording) {
        this.cipher = cipher;
        this.recording = recording;
    }

    void issued(EventEnvelope<OrderIssued> event) {
        OrderIssued order = event.data();
        recording.issued(
                event,
                open(OrderIssued.TYPE, order.orderId(), OrderIssued.VICTIM_CONTACT_FIELD, order.victimContact()));
    }

    /** An amendment that changed the victim's contacts; any other changes none. */
    void amended(EventEnvelope<OrderAmended> event) {
        OrderAmended amendment = event.data();
        if (amendment.victimContact() == null) {
            return;
        }
        recording.amended(
                event,
                open(
                        OrderAmended.TYPE,
                        amendment.orderId(),
                        OrderAmended.VICTIM_CONTACT_FIELD,
                        amendment.victimContact()));
    }

    /**
     * @throws EventContractException if the field does not open (unknown key, tampered, or copied from another
     *     order) or does not hold a VictimContact
     */
    VictimContact open(String type, String orderId, String field, SealedField sealed) {
        try {
            return cipher.openJson(sealed, SealedFieldCipher.binding(orderId, field), VictimContact.class);
        } catch (SealedFieldException e) {
            throw new EventContractException(type, field, "does not open (" + e.reason() + ")", e);
        } catch (EventContractException e) {
            throw new EventContractException(type, field, "does not hold a valid VictimContact");
        }
    }
}
