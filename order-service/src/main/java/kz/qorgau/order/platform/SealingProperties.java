package kz.qorgau.order.platform;

import java.util.Map;
import kz.qorgau.events.sealed.LocalDemoKeys;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qorgau.sealing.*}: the key ring that seals the victim's contacts for notification-service
 * (docs/adr/0004). Shared by these two services only. No key by default (docs/adr/0014).
 *
 * @param activeKeyId the key new fields are sealed with ({@code QORGAU_SEALING_ACTIVE_KEY_ID})
 * @param keys key id to base64 of a 256-bit AES key ({@code QORGAU_SEALING_KEYS_<ID>})
 * @param allowLocalDemoKeys {@code true} only for ./qorgau-local and tests ({@code QORGAU_LOCAL_DEMO_KEYS}):
 *     the public demo key joins the ring and is active unless another is; otherwise a demo key under any
 *     id, or no active key, stops the start (see {@link LocalDemoKeys})
 */
@ConfigurationProperties("qorgau.sealing")
public record SealingProperties(
        String activeKeyId, @DefaultValue Map<String, String> keys, @DefaultValue("false") boolean allowLocalDemoKeys) {

    static final LocalDemoKeys.RingNames NAMES =
            new LocalDemoKeys.RingNames("qorgau.sealing", "QORGAU_SEALING_ACTIVE_KEY_ID", "QORGAU_SEALING_KEYS_");

    /** The ring to use: checked, with the public demo key only where demo keys are allowed. */
    public LocalDemoKeys.KeyRing ring() {
        return LocalDemoKeys.keyRing(
                keys, activeKeyId, allowLocalDemoKeys, LocalDemoKeys.SEALING_KEY_ID, LocalDemoKeys.SEALING_KEY, NAMES);
    }

    @Override
    public String toString() {
        // Never print key material (configuration reports, startup failures).
        return "SealingProperties[activeKeyId=" + activeKeyId + ", keyIds=" + keys.keySet() + "]";
    }
}
