package kz.qorgau.notification.contacts;

import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.PhoneNumbers;
import kz.qorgau.events.sealed.BlindIndexKey;
import kz.qorgau.events.sealed.SealedField;
import kz.qorgau.events.sealed.SealedFieldCipher;
import kz.qorgau.events.sealed.SealedFieldException;

/**
 * Seals a contact's address and one-time code at rest (AES-256-GCM through the contract's {@link
 * SealedFieldCipher}, with this service's own ring, docs/adr/0009's design) and computes the phone blind index
 * ({@link BlindIndexKey}). Each ciphertext is bound to its row's id and column, so one copied into another row
 * does not open. Immutable and thread-safe.
 */
final class ContactVault {

    static final String ADDRESS = "address_sealed";
    static final String CODE = "code_sealed";

    private static final String PHONE_DOMAIN = "qorgau.contact-phone-blind-index.v1";
    private static final String LINK_KEY_LABEL = "qorgau.contact-verification-links.v1";
    private static final String REPLY_KEY_LABEL = "qorgau.victim-reply-links.v1";

    private final SealedFieldCipher cipher;
    private final BlindIndexKey blindIndex;

    ContactVault(SealedFieldCipher cipher, BlindIndexKey blindIndex) {
        this.cipher = cipher;
        this.blindIndex = blindIndex;
    }

    static ContactVault of(ContactsProperties properties) {
        var ring = properties.ring();
        return new ContactVault(
                SealedFieldCipher.fromBase64Keys(ring.keys(), ring.activeKeyId()),
                new BlindIndexKey(properties.checkedBlindIndexKey(), "qorgau.notification.contacts.blind-index-key"));
    }

    SealedField seal(UUID contactId, String column, String value) {
        return cipher.sealJson(value, binding(contactId, column));
    }

    /**
     * @throws SealedFieldException if it does not open (another row's, tampered, a retired key); never the value
     */
    String open(UUID contactId, String column, SealedField sealed) {
        return cipher.openJson(sealed, binding(contactId, column), String.class);
    }

    /** The blind index of a phone number in E.164; empty for what is no phone number. */
    Optional<byte[]> phoneIndex(String phone) {
        return PhoneNumbers.normalised(phone).map(e164 -> blindIndex.index(PHONE_DOMAIN, e164));
    }

    /** The verification links' HMAC key, derived from the blind index key (no secret of its own). */
    byte[] linkKey() {
        return blindIndex.derive(LINK_KEY_LABEL);
    }

    /** The reply links' key: another derivation, so a verification link never answers as a reply link. */
    byte[] replyKey() {
        return blindIndex.derive(REPLY_KEY_LABEL);
    }

    private static byte[] binding(UUID contactId, String column) {
        return SealedFieldCipher.binding("contact:" + contactId, "at-rest:victim_contact." + column);
    }

    @Override
    public String toString() {
        return "ContactVault[" + cipher + "]";
    }
}
