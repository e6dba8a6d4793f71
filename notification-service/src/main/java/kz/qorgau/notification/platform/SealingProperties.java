package kz.qorgau.notification.platform;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key ring that opens the sealed fields of events ({@code qorgau.sealing.*}, docs/adr/0004),
 * shared with order-service only.
 *
 * @param keys base64 of each 256-bit AES key by key id; retired keys stay until no retained event
 *     needs them
 * @param activeKeyId the key this service would seal with (it only opens, for now)
 */
@ConfigurationProperties("qorgau.sealing")
public record SealingProperties(@DefaultValue Map<String, String> keys, String activeKeyId) {

    public SealingProperties {
        keys = Map.copyOf(keys);
    }

    /** Never the keys themselves. */
    @Override
    public String toString() {
        return "SealingProperties[keyIds=" + keys.keySet() + ", activeKeyId=" + activeKeyId + "]";
    }
}
