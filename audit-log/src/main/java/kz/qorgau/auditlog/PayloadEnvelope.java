package kz.qorgau.auditlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * How a version 3 entry's payload is stored (docs/adr/0031-crypto-shredding.md): {@code 0x01 ‖ 12-byte nonce ‖
 * AES-256-GCM ciphertext ‖ 16-byte tag} under its subject's key, the associated data {@code
 * "qorgau-audit-payload" 0x00 key name 0x00 sequence}, so a ciphertext opens only in its own entry. Here, not in
 * the service, so that the offline verifier opens a bundle's payloads the same way.
 */
public final class PayloadEnvelope {

    /** The envelope's first byte: AES-256-GCM. */
    public static final byte AES_GCM = 0x01;

    private PayloadEnvelope() {}

    /** The stored bytes of {@code payload}, entry {@code sequence}, under the key named {@code keyName}. */
    public static byte[] seal(byte[] key, byte[] payload, String keyName, long sequence) {
        byte[] sealed = AesGcm.seal(key, payload, associatedData(keyName, sequence));
        byte[] stored = new byte[1 + sealed.length];
        stored[0] = AES_GCM;
        System.arraycopy(sealed, 0, stored, 1, sealed.length);
        return stored;
    }

    /**
     * The payload {@link #seal} stored.
     *
     * @throws GeneralSecurityException when the bytes, the key, its name or the sequence are not those sealed
     */
    public static byte[] open(byte[] key, byte[] stored, String keyName, long sequence)
            throws GeneralSecurityException {
        if (stored.length < 1 || stored[0] != AES_GCM) {
            throw new GeneralSecurityException("not a sealed payload");
        }
        return AesGcm.open(key, stored, 1, associatedData(keyName, sequence));
    }

    private static byte[] associatedData(String keyName, long sequence) {
        return ("qorgau-audit-payload\0" + keyName + "\0" + sequence).getBytes(StandardCharsets.UTF_8);
    }
}
