package kz.qorgau.auditlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a version 3 entry's payload is stored (docs/adr/0031-crypto-shredding.md): {@code 0x01 ‖ 12-byte nonce ‖
 * AES-256-GCM ciphertext ‖ 16-byte tag} under its subject's key, the associated data {@code
 * "qorgau-audit-payload" 0x00 key name 0x00 sequence}, so a ciphertext opens only in its own entry. Here, not in
 * the service, so that the offline verifier opens a bundle's payloads the same way.
 */
public final class PayloadEnvelope {

    /** The envelope's first byte: AES-256-GCM. */
    public static final byte AES_GCM = 0x01;

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PayloadEnvelope() {}

    /** The stored bytes of {@code payload}, entry {@code sequence}, under the key named {@code keyName}. */
    public static byte[] seal(byte[] key, byte[] payload, String keyName, long sequence) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(keyName, sequence));
            byte[] sealed = cipher.doFinal(payload);
            byte[] stored = new byte[1 + NONCE_BYTES + sealed.length];
            stored[0] = AES_GCM;
            System.arraycopy(nonce, 0, stored, 1, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, 1 + NONCE_BYTES, sealed.length);
            return stored;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The payload {@link #seal} stored.
     *
     * @throws GeneralSecurityException when the bytes, the key, its name or the sequence are not those sealed
     */
    public static byte[] open(byte[] key, byte[] stored, String keyName, long sequence)
            throws GeneralSecurityException {
        if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != AES_GCM) {
            throw new GeneralSecurityException("not a sealed payload");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
        cipher.updateAAD(associatedData(keyName, sequence));
        return cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
    }

    private static byte[] associatedData(String keyName, long sequence) {
        return ("qorgau-audit-payload\0" + keyName + "\0" + sequence).getBytes(StandardCharsets.UTF_8);
    }
}
