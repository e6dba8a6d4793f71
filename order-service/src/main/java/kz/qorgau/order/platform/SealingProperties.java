package kz.qorgau.order.platform;

import java.util.Map;
import kz.qorgau.events.sealed.LocalDemoKeys;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qorgau.sealing.*}: the key ring that seals the victim's contacts for notification-service
 * (docs/adr/0004). Shared by these two services only.
 *
 * @param activeKeyId the key new fields are sealed with
 * @param keys key id to base64 of a 256-bit AES key
 * @param allowLocalDemoKeys {@code false} in production: the public demo keys are dropped from the ring
 *     ({@code QORGAU_LOCAL_DEMO_KEYS=false}, see {@link LocalDemoKeys})
 */
@ConfigurationProperties("qorgau.sealing")
public record SealingProperties(
        String activeKeyId, @DefaultValue Map<String, String> keys, @DefaultValue("true") boolean allowLocalDemoKeys) {

    /** The ring to use: without the public demo keys unless they are allowed. */
    public Map<String, String> ring() {
        return allowLocalDemoKeys ? keys : LocalDemoKeys.withoutDemoKeys(keys, activeKeyId, "qorgau.sealing");
    }

    @Override
    public String toString() {
        // Never print key material (configuration reports, startup failures).
        return "SealingProperties[activeKeyId=" + activeKeyId + ", keyIds=" + keys.keySet() + "]";
    }
}
