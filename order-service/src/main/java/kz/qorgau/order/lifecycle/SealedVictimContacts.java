package kz.qorgau.order.lifecycle;

import java.util.UUID;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.events.VictimContact;
import kz.qorgau.events.sealed.SealedField;
import kz.qorgau.events.sealed.SealedFieldCipher;
import kz.qorgau.order.protectiveorder.ContactChannel;
import kz.qorgau.order.protectiveorder.Victim;
import org.springframework.stereotype.Component;

/**
 * The victim's contacts as events carry them: sealed for notification-service, bound to the order and the
 * event's field, as version 2 of the plaintext (docs/adr/0030): every contact, most preferred first, each in
 * its language and opted in (the victim gave it for notices; notification-service confirms it with a one-time
 * code before the first). order-service records no quiet hours yet.
 */
@Component
public class SealedVictimContacts {

    private final SealedFieldCipher cipher;

    SealedVictimContacts(SealedFieldCipher cipher) {
        this.cipher = cipher;
    }

    public SealedField seal(UUID orderId, String field, Victim victim) {
        VictimContact contact = VictimContact.of(
                victim.fullName(),
                victim.contacts().stream()
                        .map(each -> new VictimContact.ContactPoint(
                                each.channel() == ContactChannel.SMS
                                        ? NotificationChannel.SMS
                                        : NotificationChannel.EMAIL,
                                each.address(),
                                each.preferredLanguage().code(),
                                null,
                                true))
                        .toList());
        return cipher.sealJson(contact, SealedFieldCipher.binding(orderId.toString(), field));
    }
}
