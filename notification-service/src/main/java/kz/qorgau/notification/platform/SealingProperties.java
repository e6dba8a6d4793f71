package kz.qorgau.notification.platform;

import java.util.Map;
import kz.qorgau.events.sealed.LocalDemoKeys;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key ring that opens the sealed fields of events ({@code qorgau.sealing.*}, docs/adr/0004),
 * shared with order-service only.
 *
 * @param keys base64 of each 256-bit AES key by key id; retired keys stay until no retained event
 *     needs them
 * @param activeKeyId the key this service would seal with (it only opens, for now)
 * @param allowLocalDemoKeys {@code false} in production ({@code QORGAU_LOCAL_DEMO_KEYS=false}): the public
 *     demo keys leave the ring ({@link LocalDemoKeys})
 */
@ConfigurationProperties("qorgau.sealing")
public record SealingProperties(
        @DefaultValue Map<String, String> keys, String activeKeyId, @DefaultValue("true") boolean allowLocalDemoKeys) {

    public SealingProperties {
        keys = Map.copyOf(keys);
    }

    /** The ring to use: without the public demo keys unless they are allowed. */
    public Map<String, String> ring() {
        return allowLocalDemoKeys ? keys : LocalDemoKeys.withoutDemoKeys(keys, activeKeyId, "qorgau.sealing");
    }

    /** Never the keys themselves. */
    @Override
    public String toString() {
        return "SealingProperties[keyIds=" + keys.keySet() + ", activeKeyId=" + activeKeyId + "]";
    }
}
