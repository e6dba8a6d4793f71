package kz.qorgau.events.sealed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public demo keys in the services' application.yml files (ids starting {@value #KEY_ID_PREFIX})
 * make ./qorgau-local and the tests work out of the box. A production ring set through the environment
 * merges with them, so production switches them off ({@code QORGAU_LOCAL_DEMO_KEYS=false}): then they
 * are dropped from every ring, and a demo key as the active key stops the service at start-up.
 */
public final class LocalDemoKeys {

    public static final String KEY_ID_PREFIX = "local-demo";

    private LocalDemoKeys() {}

    public static boolean isDemoKeyId(String keyId) {
        return keyId != null && keyId.startsWith(KEY_ID_PREFIX);
    }

    /**
     * {@code ring} without its demo keys.
     *
     * @param ringName the configuration prefix, for the error message
     * @throws IllegalStateException if {@code activeKeyId} names a demo key
     */
    public static Map<String, String> withoutDemoKeys(Map<String, String> ring, String activeKeyId, String ringName) {
        if (isDemoKeyId(activeKeyId)) {
            throw new IllegalStateException(ringName + ".active-key-id is \"" + activeKeyId
                    + "\", a public local demo key, while local demo keys are refused (QORGAU_LOCAL_DEMO_KEYS=false):"
                    + " configure a key of your own and make it the active one");
        }
        Map<String, String> production = new LinkedHashMap<>();
        ring.forEach((keyId, key) -> {
            if (!isDemoKeyId(keyId)) {
                production.put(keyId, key);
            }
        });
        return Map.copyOf(production);
    }
}
