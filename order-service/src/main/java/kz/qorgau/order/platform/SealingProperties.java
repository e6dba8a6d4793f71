package kz.qorgau.order.platform;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qorgau.sealing.*}: the key ring that seals the victim's contacts for notification-service
 * (docs/adr/0004). Shared by these two services only.
 *
 * @param activeKeyId the key new fields are sealed with
 * @param keys key id to base64 of a 256-bit AES key
 */
@ConfigurationProperties("qorgau.sealing")
public record SealingProperties(String activeKeyId, @DefaultValue Map<String, String> keys) {

    @Override
    public String toString() {
        // Never print key material (configuration reports, startup failures).
        return "SealingProperties[activeKeyId=" + activeKeyId + ", keyIds=" + keys.keySet() + "]";
    }
}
