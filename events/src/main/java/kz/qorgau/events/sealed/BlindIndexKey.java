package kz.qorgau.events.sealed;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed HMAC-SHA256 blind index for personal data at rest (docs/adr/0009, 0030): equal values give equal
 * indexes, so a row is found by a value that is never stored in clear; without the key an index reveals nothing,
 * even of low-entropy values (an IIN, a phone number). Also derives keys for other purposes (HKDF-Expand, RFC
 * 5869, one block), so a service needs no further secret for them. JDK {@code javax.crypto} only; immutable and
 * thread-safe.
 */
public final class BlindIndexKey {

    private static final String HMAC = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    /**
     * @param base64Key base64 of at least 256 random bits
     * @param property where the key is configured, for error messages (never the key)
     */
    public BlindIndexKey(String base64Key, String property) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
        } catch (IllegalArgumentException e) {
            // No cause: its message could echo key material.
            throw new IllegalArgumentException(property + " is not valid base64");
        }
        if (raw.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(property + " must hold at least 256 bits");
        }
        this.key = new SecretKeySpec(raw, HMAC);
    }

    /**
     * The index of {@code value} in {@code domain}: HMAC(key, domain ‖ 0 ‖ value). Different domains (an IIN, a
     * phone) give unrelated indexes of the same text.
     */
    public byte[] index(String domain, String value) {
        Mac mac = mac();
        mac.update(domain.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A 256-bit key for another purpose: HKDF-Expand with {@code label} as its info, one block. The key is
     * uniformly random and at least 256 bits, so it serves as HKDF's pseudorandom key; different labels give
     * independent keys, and none reveals this one. A derived key is as secret as this key and changes with it.
     */
    public byte[] derive(String label) {
        Mac mac = mac();
        mac.update(label.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 1);
        return mac.doFinal();
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "BlindIndexKey[redacted]";
    }
}
