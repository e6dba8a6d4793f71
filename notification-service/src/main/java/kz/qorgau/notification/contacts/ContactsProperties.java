package kz.qorgau.notification.contacts;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import kz.qorgau.events.sealed.LocalDemoKeys;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qorgau.notification.contacts.*}: notification-service's copy of victims' contacts (docs/adr/0030). Its
 * own key ring and blind index key, on the design of docs/adr/0009, apart from {@code qorgau.sealing.*} (topics)
 * and from order-service's. No key by default (docs/adr/0014).
 *
 * @param activeKeyId the key new rows are sealed with
 * @param keys key id to base64 of a 256-bit AES key ({@code QORGAU_NOTIFICATION_CONTACTS_KEYS_<ID>})
 * @param blindIndexKey base64 of the HMAC-SHA256 key of the phone blind index; the verification links' key is
 *     derived from it
 * @param allowLocalDemoKeys {@code true} only for ./qorgau-local and tests: the public demo keys where none is
 *     configured
 * @param baseUrl where a contact reaches the verification page; a neutral name (it is read on the victim's phone)
 * @param codeValidity how long a one-time code and its link hold
 * @param maxWrongCodes wrong codes after which the contact is locked (no further attempt is accepted)
 * @param deleteAfterOrderEnds how long a contact is kept after its order ended (revoked, voided, expired)
 * @param cleanupInterval how often rows due for deletion are deleted
 * @param replyLinkValidity how long the SAFE/HELP link of a notice can be used after the attempt that carried it
 */
@ConfigurationProperties("qorgau.notification.contacts")
public record ContactsProperties(
        String activeKeyId,
        @DefaultValue Map<String, String> keys,
        String blindIndexKey,
        @DefaultValue("false") boolean allowLocalDemoKeys,
        @DefaultValue("http://127.0.0.1:8082") URI baseUrl,
        @DefaultValue("72h") Duration codeValidity,
        @DefaultValue("5") int maxWrongCodes,
        @DefaultValue("30d") Duration deleteAfterOrderEnds,
        @DefaultValue("1h") Duration cleanupInterval,
        @DefaultValue("30d") Duration replyLinkValidity) {

    static final LocalDemoKeys.RingNames NAMES = new LocalDemoKeys.RingNames(
            "qorgau.notification.contacts", "QORGAU_CONTACTS_ACTIVE_KEY_ID", "QORGAU_NOTIFICATION_CONTACTS_KEYS_");

    public ContactsProperties {
        keys = Map.copyOf(keys);
        if (maxWrongCodes < 1) {
            throw new IllegalArgumentException("qorgau.notification.contacts.max-wrong-codes must be at least 1");
        }
        if (codeValidity.isNegative() || codeValidity.isZero()) {
            throw new IllegalArgumentException("qorgau.notification.contacts.code-validity must be positive");
        }
        if (deleteAfterOrderEnds.isNegative()) {
            throw new IllegalArgumentException(
                    "qorgau.notification.contacts.delete-after-order-ends must not be negative");
        }
    }

    /** The ring to use: checked, with the public demo key only where demo keys are allowed. */
    LocalDemoKeys.KeyRing ring() {
        return LocalDemoKeys.keyRing(
                keys,
                activeKeyId,
                allowLocalDemoKeys,
                LocalDemoKeys.CONTACTS_AT_REST_KEY_ID,
                LocalDemoKeys.CONTACTS_AT_REST_KEY,
                NAMES);
    }

    /** The blind index key: the configured one, the public demo one only where demo keys are allowed. */
    String checkedBlindIndexKey() {
        return LocalDemoKeys.singleKey(
                blindIndexKey,
                allowLocalDemoKeys,
                LocalDemoKeys.CONTACTS_BLIND_INDEX_KEY,
                "qorgau.notification.contacts.blind-index-key",
                "QORGAU_CONTACTS_BLIND_INDEX_KEY");
    }

    @Override
    public String toString() {
        // Never key material.
        return "ContactsProperties[activeKeyId=" + activeKeyId + ", keyIds=" + keys.keySet() + "]";
    }
}
