package kz.qorgau.notification.platform;

import java.util.Map;
import kz.qorgau.events.sealed.LocalDemoKeys;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key ring that opens the sealed fields of events ({@code qorgau.sealing.*}, docs/adr/0004),
 * shared with order-service only. No key by default (docs/adr/0014).
 *
 * @param keys base64 of each 256-bit AES key by key id ({@code QORGAU_SEALING_KEYS_<ID>}); retired keys
 *     stay until no retained event needs them
 * @param activeKeyId the key this service would seal with (it only opens, for now)
 * @param allowLocalDemoKeys {@code true} only for ./qorgau-local and tests ({@code QORGAU_LOCAL_DEMO_KEYS}):
 *     the public demo key joins the ring and is active unless another is; otherwise a demo key under any
 *     id, or no active key, stops the start (see {@link LocalDemoKeys})
 */
@ConfigurationProperties("qorgau.sealing")
public record SealingProperties(
        @DefaultValue Map<String, String> keys, String activeKeyId, @DefaultValue("false") boolean allowLocalDemoKeys) {

    static final LocalDemoKeys.RingNames NAMES =
            new LocalDemoKeys.RingNames("qorgau.sealing", "QORGAU_SEALING_ACTIVE_KEY_ID", "QORGAU_SEALING_KEYS_");

    public SealingProperties {
        keys = Map.copyOf(keys);
    }

    /** The ring to use: checked, with the public demo key only where demo keys are allowed. */
    public LocalDemoKeys.KeyRing ring() {
        return LocalDemoKeys.keyRing(
                keys, activeKeyId, allowLocalDemoKeys, LocalDemoKeys.SEALING_KEY_ID, LocalDemoKeys.SEALING_KEY, NAMES);
    }

    /** Never the keys themselves. */
    @Override
    public String toString() {
        return "SealingProperties[keyIds=" + keys.keySet() + ", activeKeyId=" + activeKeyId + "]";
    }
}
