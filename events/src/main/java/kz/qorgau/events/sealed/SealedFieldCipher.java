package kz.qorgau.events.sealed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import kz.qorgau.events.json.EventJson;
import kz.qorgau.events.sealed.SealedFieldException.Reason;
import tools.jackson.core.JacksonException;

/**
 * Seals and opens {@link SealedField}s with AES-256-GCM (JDK {@code javax.crypto} only).
 *
 * <p>Built from a key ring (key id to 256-bit AES key) and the id of the active key. New fields are
 * always sealed with the active key; fields sealed with any key still in the ring can be opened, so
 * keys rotate by adding a new key, making it active, and removing the old one only once no retained
 * event needs it (the topics keep events for 365 days).
 *
 * <p>Every seal uses a fresh random 96-bit nonce. With random nonces NIST SP 800-38D limits one key
 * to 2^32 seals; rotate well before that.
 *
 * <p>The associated data the caller passes binds a field to where it belongs (use {@link
 * #binding(String, String)}: order id and field name), so a ciphertext copied into another order or
 * field fails to open. The key id and algorithm are bound too, so they cannot be relabelled.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SealedFieldCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    private static final byte[] AAD_PREFIX = "qorgau.sealed-field.v1".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    /**
     * @param keys the key ring; every key must be a 256-bit AES key, and ids must match {@code
     *     [A-Za-z0-9._-]{1,64}}
     * @param activeKeyId the key new fields are sealed with; must be in the ring
     */
    public SealedFieldCipher(Map<String, SecretKey> keys, String activeKeyId) {
        if (keys == null || keys.isEmpty()) {
            throw new SealedFieldException(Reason.INVALID_KEY_RING, "the key ring is empty");
        }
        Map<String, SecretKey> copy = new LinkedHashMap<>();
        keys.forEach((id, key) -> copy.put(checkKeyId(id), checkKey(id, key)));
        if (activeKeyId == null || !copy.containsKey(activeKeyId)) {
            throw new SealedFieldException(Reason.INVALID_KEY_RING, "the active key id is not in the key ring");
        }
        this.keys = Map.copyOf(copy);
        this.activeKeyId = activeKeyId;
    }

    /**
     * Builds a cipher from base64-encoded keys, the form in which keys come from configuration or a
     * secret store.
     */
    public static SealedFieldCipher fromBase64Keys(Map<String, String> base64Keys, String activeKeyId) {
        if (base64Keys == null) {
            throw new SealedFieldException(Reason.INVALID_KEY_RING, "the key ring is empty");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        base64Keys.forEach((id, encoded) -> {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(encoded == null ? "" : encoded.strip());
            } catch (IllegalArgumentException e) {
                // The message names the key id only; the cause could echo key material.
                throw new SealedFieldException(Reason.INVALID_KEY_RING, "key '" + id + "' is not valid base64");
            }
            keys.put(id, new SecretKeySpec(raw, "AES"));
        });
        return new SealedFieldCipher(keys, activeKeyId);
    }

    /** The associated data that binds a sealed field to one field of one order. */
    public static byte[] binding(String orderId, String fieldName) {
        if (orderId == null || fieldName == null) {
            throw new IllegalArgumentException("orderId and fieldName are required");
        }
        return ("order:" + orderId + "/field:" + fieldName).getBytes(StandardCharsets.UTF_8);
    }

    /** The key id new fields are sealed with. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** Seals {@code plaintext} with the active key, bound to {@code associatedData}. */
    public SealedField seal(byte[] plaintext, byte[] associatedData) {
        if (plaintext == null || associatedData == null) {
            throw new IllegalArgumentException("plaintext and associatedData are required");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(fullAad(activeKeyId, SealedField.AES_256_GCM, associatedData));
            byte[] ciphertext = cipher.doFinal(plaintext);
            Base64.Encoder base64 = Base64.getEncoder();
            return new SealedField(
                    activeKeyId,
                    SealedField.AES_256_GCM,
                    base64.encodeToString(nonce),
                    base64.encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new SealedFieldException(Reason.INVALID_KEY_RING, "AES-GCM encryption is not available", e);
        }
    }

    /**
     * Opens a field sealed with any key in the ring.
     *
     * @throws SealedFieldException if the key is unknown, the field is malformed, or authentication
     *     fails (tampered ciphertext or nonce, or different associated data)
     */
    public byte[] open(SealedField field, byte[] associatedData) {
        if (field == null || associatedData == null) {
            throw new IllegalArgumentException("field and associatedData are required");
        }
        if (!SealedField.AES_256_GCM.equals(field.algorithm())) {
            throw new SealedFieldException(Reason.UNSUPPORTED_ALGORITHM, "algorithm is not " + SealedField.AES_256_GCM);
        }
        SecretKey key = keys.get(field.keyId());
        if (key == null) {
            throw new SealedFieldException(Reason.UNKNOWN_KEY, "key id '" + field.keyId() + "' is not in the key ring");
        }
        byte[] nonce = decode("nonce", field.nonce());
        byte[] ciphertext = decode("ciphertext", field.ciphertext());
        if (nonce.length != NONCE_BYTES) {
            throw new SealedFieldException(Reason.MALFORMED, "nonce must be " + NONCE_BYTES + " bytes");
        }
        if (ciphertext.length < TAG_BITS / 8) {
            throw new SealedFieldException(Reason.MALFORMED, "ciphertext is shorter than the GCM tag");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(fullAad(field.keyId(), field.algorithm(), associatedData));
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new SealedFieldException(Reason.AUTHENTICATION_FAILED, "the field does not authenticate", e);
        } catch (GeneralSecurityException e) {
            throw new SealedFieldException(Reason.INVALID_KEY_RING, "AES-GCM decryption is not available", e);
        }
    }

    /** Seals a JSON-serialisable value (e.g. a {@link kz.qorgau.events.VictimContact}). */
    public SealedField sealJson(Object value, byte[] associatedData) {
        byte[] json;
        try {
            json = EventJson.mapper().writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new SealedFieldException(Reason.INVALID_PLAINTEXT, "value cannot be written as JSON", e);
        }
        return seal(json, associatedData);
    }

    /** Opens a field sealed with {@link #sealJson} and reads it as {@code type}. */
    public <T> T openJson(SealedField field, byte[] associatedData, Class<T> type) {
        byte[] json = open(field, associatedData);
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JacksonException e) {
            // No cause on purpose: Jackson's message could quote the decrypted personal data into logs.
            throw new SealedFieldException(
                    Reason.INVALID_PLAINTEXT, "plaintext is not a valid " + type.getSimpleName(), null);
        }
    }

    @Override
    public String toString() {
        return "SealedFieldCipher[activeKeyId=" + activeKeyId + ", keyIds=" + keys.keySet() + "]";
    }

    private static String checkKeyId(String id) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new SealedFieldException(Reason.INVALID_KEY_RING, "key ids must match " + KEY_ID.pattern());
        }
        return id;
    }

    private static SecretKey checkKey(String id, SecretKey key) {
        byte[] encoded = key == null ? null : key.getEncoded();
        if (key == null
                || !"AES".equalsIgnoreCase(key.getAlgorithm())
                || encoded == null
                || encoded.length != KEY_BYTES) {
            throw new SealedFieldException(Reason.INVALID_KEY_RING, "key '" + id + "' must be a 256-bit AES key");
        }
        return key;
    }

    private static byte[] decode(String part, String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SealedFieldException(Reason.MALFORMED, part + " is not valid base64");
        }
    }

    /** prefix 0 keyId 0 algorithm 0 callerAad: key ids and algorithm names cannot contain 0. */
    private static byte[] fullAad(String keyId, String algorithm, byte[] associatedData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(AAD_PREFIX);
        out.write(0);
        out.writeBytes(keyId.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.writeBytes(algorithm.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.writeBytes(associatedData);
        return out.toByteArray();
    }
}
