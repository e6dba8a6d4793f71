package kz.qorgau.audit.subjectkey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.qorgau.audit.platform.AuditProperties;
import kz.qorgau.auditlog.AesGcm;
import kz.qorgau.events.sealed.LocalDemoKeys;

/**
 * The key-encryption keys that wrap every subject key (docs/adr/0031): configuration, never the database, as a
 * ring so that one can be rotated (new keys are wrapped by the active one, old ones still unwrap). The public
 * demo key only where demo keys are allowed (docs/adr/0014), as the checkpoint signing key.
 */
public final class KeyEncryptionKeys {

    static final String DEMO_KEY_ID = LocalDemoKeys.KEY_ID_PREFIX + "-audit-kek-1";

    private static final LocalDemoKeys.RingNames NAMES = new LocalDemoKeys.RingNames(
            "qorgau.audit.shredding", "QORGAU_AUDIT_SHREDDING_ACTIVE_KEY_ID", "QORGAU_AUDIT_SHREDDING_KEYS_");

    private final Map<String, byte[]> keys;
    private final String activeKeyId;

    private KeyEncryptionKeys(Map<String, byte[]> keys, String activeKeyId) {
        this.keys = keys;
        this.activeKeyId = activeKeyId;
    }

    /**
     * @throws IllegalStateException when no key is configured and demo keys are not allowed, a demo key is
     *     configured where they are not, or a key is not 256 bits of base64
     */
    public static KeyEncryptionKeys of(AuditProperties.Shredding settings) {
        LocalDemoKeys.KeyRing ring = LocalDemoKeys.keyRing(
                settings.keys(),
                settings.activeKeyId(),
                settings.allowLocalDemoKeys(),
                DEMO_KEY_ID,
                LocalDemoKeys.AUDIT_KEY_ENCRYPTION_KEY,
                NAMES);
        Map<String, byte[]> keys = new LinkedHashMap<>();
        ring.keys().forEach((id, base64) -> {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                key = new byte[0];
            }
            if (key.length != AesGcm.KEY_BYTES) {
                // Never the key itself in the message.
                throw new IllegalStateException(
                        "qorgau.audit.shredding.keys." + id + " must be base64 of 256 random bits");
            }
            keys.put(id, key);
        });
        return new KeyEncryptionKeys(Map.copyOf(keys), ring.activeKeyId());
    }

    String activeKeyId() {
        return activeKeyId;
    }

    /** A subject key wrapped by the active key, bound to its name. */
    byte[] wrap(byte[] subjectKey, String name) {
        return AesGcm.seal(keys.get(activeKeyId), subjectKey, associatedData(name));
    }

    /**
     * @throws GeneralSecurityException when the ring has no {@code keyId}, or the wrapped bytes are not a key
     *     wrapped by it under this name
     */
    byte[] unwrap(String keyId, byte[] wrapped, String name) throws GeneralSecurityException {
        byte[] key = keys.get(keyId);
        if (key == null) {
            throw new GeneralSecurityException("no key-encryption key " + keyId);
        }
        return AesGcm.open(key, wrapped, 0, associatedData(name));
    }

    private static byte[] associatedData(String name) {
        return ("qorgau-audit-subject-key\0" + name).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "KeyEncryptionKeys[keyIds=" + keys.keySet() + ", activeKeyId=" + activeKeyId + "]";
    }
}
