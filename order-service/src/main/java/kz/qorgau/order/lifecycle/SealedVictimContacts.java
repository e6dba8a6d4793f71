package kz.qorgau.order.lifecycle;

import java.util.List;
import java.util.UUID;
import kz.qorgau.events.VictimContact;
import kz.qorgau.events.sealed.SealedField;
import kz.qorgau.events.sealed.SealedFieldCipher;
import kz.qorgau.order.protectiveorder.Contact;
import kz.qorgau.order.protectiveorder.ContactChannel;
import kz.qorgau.order.protectiveorder.Victim;
import org.springframework.stereotype.Component;

/**
 * The victim's contacts as events carry them: sealed for notification-service, bound to the order and
 * the event's field. The contract carries one phone and one e-mail: the victim's first (most
 * preferred) of each, and the language of the most preferred contact.
 */
@Component
public class SealedVictimContacts {

    private final SealedFieldCipher cipher;

    SealedVictimContacts(SealedFieldCipher cipher) {
        this.cipher = cipher;
    }

    public SealedField seal(UUID orderId, String field, Victim victim) {
        List<Contact> contacts = victim.contacts();
        VictimContact contact = new VictimContact(
                victim.fullName(),
                first(contacts, ContactChannel.SMS),
                first(contacts, ContactChannel.EMAIL),
                null,
                contacts.get(0).preferredLanguage().code());
        return cipher.sealJson(contact, SealedFieldCipher.binding(orderId.toString(), field));
    }

    private static String first(List<Contact> contacts, ContactChannel channel) {
        return contacts.stream()
                .filter(contact -> contact.channel() == channel)
                .map(Contact::address)
                .findFirst()
                .orElse(null);
    }
}
