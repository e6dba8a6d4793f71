package kz.qorgau.events.sealed;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The public demo keys: published in this repository, so they protect nothing. ./qorgau-local, the
 * tests and compose's {@code services} profile allow them explicitly ({@code QORGAU_LOCAL_DEMO_KEYS=true});
 * then they are the keys a service has when none is configured. Anywhere else (the default) a service
 * has only the keys it is given and refuses to start with a demo key under any key id, as its active
 * key or in its ring, and without an active key (docs/adr/0014).
 */
public final class LocalDemoKeys {

    /** Ids of the demo keys start with this; such an id is refused wherever demo keys are. */
    public static final String KEY_ID_PREFIX = "local-demo";

    /** The switch that allows the demo keys, for error messages. */
    public static final String SWITCH = "QORGAU_LOCAL_DEMO_KEYS";

    /** The demo key that seals victims' contacts on topics (order- and notification-service). */
    public static final String SEALING_KEY_ID = "local-demo-1";

    public static final String SEALING_KEY = "zNCDUjXb06fj17a5/Ou1vsQSflnxWQAaNFKUG8F6XhA=";

    /** The demo key of order-service's personal data at rest. */
    public static final String AT_REST_KEY_ID = "local-demo-at-rest-1";

    public static final String AT_REST_KEY = "0HgycrnvanLvor3Mn7PAcHuoDlfIkmz95bLI8U85lfk=";

    /** The demo key of order-service's IIN blind index. */
    public static final String BLIND_INDEX_KEY = "HsS5ifxozS0Kz/YjjRfz6+NCxWcMLx9iDVKPlEJYvbs=";

    /** The demo key of notification-service's copy of victims' contacts at rest (docs/adr/0030). */
    public static final String CONTACTS_AT_REST_KEY_ID = "local-demo-contacts-1";

    public static final String CONTACTS_AT_REST_KEY = "i1i+T1U1sRRMSjit8V5wvxbiod5IQVCwMzxIymXwqIk=";

    /** The demo key of notification-service's phone blind index and verification links (docs/adr/0030). */
    public static final String CONTACTS_BLIND_INDEX_KEY = "ERElQkMSMqJH0llv8928wa6W9ZOeFyaN9BwYjSa6KfM=";

    /** The demo key that signs notification-service's acknowledgement links (docs/adr/0024). */
    public static final String ACKNOWLEDGEMENT_KEY = "wJZKQtVsGzkEg7CTW1Ef+gmqyg7PzPPoInn/7KiwIyo=";

    /** The seed of audit-service's demo Ed25519 key that signs checkpoints of the trail (docs/adr/0023). */
    public static final String CHECKPOINT_SEED = "n4+j9Up58aIt87Yw4OInkPtdJE7h3bA4iOTIZow8DGM=";

    /** audit-service's demo key-encryption key, which wraps the trail's subject keys (docs/adr/0031). */
    public static final String AUDIT_KEY_ENCRYPTION_KEY = "7vbdHBAEimIT5n09TLdn7HyetrKh74ezhloEODSQv5g=";

    private static final List<byte[]> DEMO_KEY_BYTES = List.of(
            decode(SEALING_KEY),
            decode(AT_REST_KEY),
            decode(BLIND_INDEX_KEY),
            decode(ACKNOWLEDGEMENT_KEY),
            decode(CONTACTS_AT_REST_KEY),
            decode(CONTACTS_BLIND_INDEX_KEY),
            decode(CHECKPOINT_SEED),
            decode(AUDIT_KEY_ENCRYPTION_KEY));

    private LocalDemoKeys() {}

    public static boolean isDemoKeyId(String keyId) {
        return keyId != null && keyId.startsWith(KEY_ID_PREFIX);
    }

    /** Whether {@code base64Key} is one of the public demo keys, whatever id it is configured under. */
    public static boolean isDemoKey(String base64Key) {
        byte[] key = decodeOrNull(base64Key);
        return key != null && DEMO_KEY_BYTES.stream().anyMatch(demo -> MessageDigest.isEqual(demo, key));
    }

    /**
     * The key ring a service uses.
     *
     * @param ring what is configured: key id to base64 key
     * @param activeKeyId the configured active key id; blank when none is
     * @param demoKeysAllowed whether {@value #SWITCH} is true
     * @param demoKeyId the ring's demo key id, with {@code demoKey} its key
     * @param names where the ring is configured, for the error messages
     * @throws IllegalStateException when demo keys are not allowed and a demo key is in the ring or
     *     active, or no active key is configured
     */
    public static KeyRing keyRing(
            Map<String, String> ring,
            String activeKeyId,
            boolean demoKeysAllowed,
            String demoKeyId,
            String demoKey,
            RingNames names) {
        if (demoKeysAllowed) {
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put(demoKeyId, demoKey);
            keys.putAll(ring);
            return new KeyRing(Map.copyOf(keys), isBlank(activeKeyId) ? demoKeyId : activeKeyId);
        }
        if (isBlank(activeKeyId)) {
            throw new IllegalStateException("No active key for " + names.property() + ": set "
                    + names.activeKeyIdVariable() + " and its key " + names.keysVariable() + "<ID> (base64 of 256"
                    + " random bits). Public demo keys are off unless " + SWITCH
                    + "=true (local stack and tests only)");
        }
        if (isDemoKeyId(activeKeyId)) {
            throw new IllegalStateException(names.property() + ".active-key-id is \"" + activeKeyId
                    + "\", a public local demo key, while demo keys are not allowed (" + SWITCH
                    + " is not true): set " + names.activeKeyIdVariable() + " to a key of your own");
        }
        ring.forEach((keyId, key) -> {
            if (isDemoKeyId(keyId) || isDemoKey(key)) {
                throw new IllegalStateException(names.property() + ".keys." + keyId
                        + " is a public local demo key, while demo keys are not allowed (" + SWITCH
                        + " is not true): remove it and configure keys of your own");
            }
        });
        if (!ring.containsKey(activeKeyId)) {
            throw new IllegalStateException(names.property() + ".active-key-id is \"" + activeKeyId
                    + "\", but the ring has no such key: set " + names.keysVariable()
                    + activeKeyId.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        return new KeyRing(Map.copyOf(ring), activeKeyId);
    }

    /**
     * A single key outside a ring (order-service's blind index key): {@code key}, or the demo key where
     * demo keys are allowed and none is configured.
     *
     * @throws IllegalStateException when demo keys are not allowed and {@code key} is missing or a demo key
     */
    public static String singleKey(
            String key, boolean demoKeysAllowed, String demoKey, String property, String variable) {
        if (isBlank(key)) {
            if (demoKeysAllowed) {
                return demoKey;
            }
            throw new IllegalStateException("No " + property + ": set " + variable + " (base64 of 256 random bits)."
                    + " Public demo keys are off unless " + SWITCH + "=true (local stack and tests only)");
        }
        if (!demoKeysAllowed && isDemoKey(key)) {
            throw new IllegalStateException(property + " is a public local demo key, while demo keys are not allowed ("
                    + SWITCH + " is not true): set " + variable + " to a key of your own");
        }
        return key;
    }

    /** A ring ready for {@link SealedFieldCipher#fromBase64Keys}. */
    public record KeyRing(Map<String, String> keys, String activeKeyId) {

        @Override
        public String toString() {
            return "KeyRing[keyIds=" + keys.keySet() + ", activeKeyId=" + activeKeyId + "]";
        }
    }

    /**
     * Where a ring is configured, for error messages.
     *
     * @param property the configuration prefix, {@code qorgau.sealing}
     * @param activeKeyIdVariable {@code QORGAU_SEALING_ACTIVE_KEY_ID}
     * @param keysVariable the prefix of the keys' variables, {@code QORGAU_SEALING_KEYS_}
     */
    public record RingNames(String property, String activeKeyIdVariable, String keysVariable) {}

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static byte[] decodeOrNull(String base64) {
        if (base64 == null) {
            return null;
        }
        String stripped = base64.strip();
        try {
            return Base64.getDecoder().decode(stripped);
        } catch (IllegalArgumentException notStandard) {
            try {
                return Base64.getUrlDecoder().decode(stripped);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
    }
}
