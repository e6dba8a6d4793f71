package kz.qorgau.order.atrest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

    private static final String HMAC = "HmacSHA256";
    private static final int MIN_BLIND_INDEX_KEY_BYTES = 32;
    private static final byte[] BLIND_INDEX_DOMAIN = "qorgau.iin-blind-index.v1\0".getBytes(StandardCharsets.US_ASCII);
    // Another domain: a document's index never equals an IIN's (docs/adr/0035).
    private static final byte[] DOCUMENT_INDEX_DOMAIN =
            "qorgau.document-blind-index.v1\0".getBytes(StandardCharsets.US_ASCII);

    private final SealedFieldCipher cipher;
    private final SecretKeySpec blindIndexKey;

    public PersonalDataVault(SealedFieldCipher cipher, String base64BlindIndexKey) {
        this.cipher = cipher;
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64BlindIndexKey == null ? "" : base64BlindIndexKey.strip());
        } catch (IllegalArgumentException e) {
            // No cause: its message could echo key material.
            throw new IllegalArgumentException("qorgau.at-rest.blind-index-key is not valid base64");
        }
        if (raw.length < MIN_BLIND_INDEX_KEY_BYTES) {
            throw new IllegalArgumentException("qorgau.at-rest.blind-index-key must hold at least 256 bits");
        }
        this.blindIndexKey = new SecretKeySpec(raw, HMAC);
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
        return index(BLIND_INDEX_DOMAIN, iin.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The keyed blind index of an identity document, from its canonical form (type, citizenship, number): the
     * IIN's design under its own domain, so it finds a person without an IIN and never matches an IIN.
     */
    public byte[] documentBlindIndex(String canonicalDocument) {
        return index(DOCUMENT_INDEX_DOMAIN, canonicalDocument.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] index(byte[] domain, byte[] value) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(blindIndexKey);
            mac.update(domain);
            return mac.doFinal(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * A 256-bit key for another purpose, derived from the blind index key: HKDF-Expand (RFC 5869) with
     * {@code label} as its info, one block. The blind index key is uniformly random and at least 256 bits,
     * so it serves as HKDF's pseudorandom key; different labels give independent keys, and none reveals
     * the blind index key. A derived key is as secret as the blind index key and changes with it.
     */
    public byte[] derivedKey(String label) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(blindIndexKey);
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] binding(UUID orderId, Column column) {
        return SealedFieldCipher.binding(orderId.toString(), "at-rest:" + column.table + "." + column.columnName());
    }

    @Override
    public String toString() {
        return "PersonalDataVault[" + cipher + "]";
    }
}
