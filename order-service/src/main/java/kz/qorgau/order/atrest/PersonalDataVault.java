package kz.qorgau.order.atrest;

import java.util.UUID;
import kz.qorgau.events.sealed.BlindIndexKey;
import kz.qorgau.events.sealed.SealedField;
import kz.qorgau.events.sealed.SealedFieldCipher;
import kz.qorgau.events.sealed.SealedFieldException;

/**
 * Encrypts personal data at rest for {@code protective_order}, {@code special_requirements} and {@code approach_ban} (AES-256-GCM through the contract's {@link
 * SealedFieldCipher}, with the at-rest key ring) and computes the IIN blind index (HMAC-SHA256).
 *
 * <p>Each ciphertext is bound to its row's id and its table and column, so a ciphertext copied into another row or
 * column fails to open. Immutable and thread-safe.
 */
public final class PersonalDataVault {

    /** Columns that hold a sealed value; the table and column name are part of the binding. */
    public enum Column {
        OFFENDER("protective_order", "offender_sealed"),
        VICTIM("protective_order", "victim_sealed"),
        /** The offender of court special requirements. */
        REQUIREMENTS_OFFENDER("special_requirements", "offender_sealed"),
        /** The offender of a court's ban on approaching. */
        BAN_OFFENDER("approach_ban", "offender_sealed");

        private final String table;
        private final String columnName;

        Column(String table, String columnName) {
            this.table = table;
            this.columnName = columnName;
        }

        public String columnName() {
            return columnName;
        }

        public String table() {
            return table;
        }
    }

    /** With {@link BlindIndexKey#index}'s 0 separator: the bytes order-service hashed before it was shared. */
    private static final String BLIND_INDEX_DOMAIN = "qorgau.iin-blind-index.v1";
    // Another domain: a document's index never equals an IIN's (docs/adr/0035).
    private static final String DOCUMENT_INDEX_DOMAIN = "qorgau.document-blind-index.v1";

    private final SealedFieldCipher cipher;
    private final BlindIndexKey blindIndexKey;

    public PersonalDataVault(SealedFieldCipher cipher, String base64BlindIndexKey) {
        this.cipher = cipher;
        this.blindIndexKey = new BlindIndexKey(base64BlindIndexKey, "qorgau.at-rest.blind-index-key");
    }

    public static PersonalDataVault of(AtRestProperties properties) {
        var ring = properties.ring();
        return new PersonalDataVault(
                SealedFieldCipher.fromBase64Keys(ring.keys(), ring.activeKeyId()), properties.checkedBlindIndexKey());
    }

    public String activeKeyId() {
        return cipher.activeKeyId();
    }

    /** Encrypts {@code value} (as JSON) with the active key, bound to this order and column. */
    public SealedField seal(UUID orderId, Column column, Object value) {
        return cipher.sealJson(value, binding(orderId, column));
    }

    /**
     * Decrypts a value sealed by {@link #seal}.
     *
     * @throws PersonalDataUnreadableException if the key is not in the ring, or the ciphertext was
     *     tampered with or belongs to another row or column
     */
    public <T> T open(UUID orderId, Column column, SealedField sealed, Class<T> type) {
        try {
            return cipher.openJson(sealed, binding(orderId, column), type);
        } catch (SealedFieldException e) {
            throw new PersonalDataUnreadableException(orderId, column, e);
        }
    }

    /** The keyed blind index of an IIN: equal IINs give equal indexes; without the key it reveals nothing. */
    public byte[] blindIndex(String iin) {
        return blindIndexKey.index(BLIND_INDEX_DOMAIN, iin);
    }

    /**
     * The keyed blind index of an identity document, from its canonical form (type, citizenship, number): the
     * IIN's design under its own domain, so it finds a person without an IIN and never matches an IIN.
     */
    public byte[] documentBlindIndex(String canonicalDocument) {
        return blindIndexKey.index(DOCUMENT_INDEX_DOMAIN, canonicalDocument);
    }

    /** A 256-bit key for another purpose, derived from the blind index key ({@link BlindIndexKey#derive}). */
    public byte[] derivedKey(String label) {
        return blindIndexKey.derive(label);
    }

    private static byte[] binding(UUID orderId, Column column) {
        return SealedFieldCipher.binding(orderId.toString(), "at-rest:" + column.table + "." + column.columnName());
    }

    @Override
    public String toString() {
        return "PersonalDataVault[" + cipher + "]";
    }
}
