package kz.qorgau.order.protectiveorder;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qorgau.at-rest.*}: the keys that encrypt personal data in order-service's own database
 * (docs/adr/0009). A key ring of its own, apart from {@code qorgau.sealing.*} (which seals fields on
 * topics and is shared with notification-service): a leak or rotation of one never touches the other.
 *
 * @param activeKeyId the key new rows (and rotated rows) are encrypted with
 * @param keys key id to base64 of a 256-bit AES key; retired keys stay until a rotation has run
 * @param blindIndexKey base64 of the HMAC-SHA256 key of the IIN blind index (at least 256 bits)
 * @param rotate {@code true} runs the key rotation as a command and exits (see {@code AtRestRotationCommand})
 * @param rotationBatchSize rows re-encrypted per transaction by a rotation
 */
@ConfigurationProperties("qorgau.at-rest")
public record AtRestProperties(
        String activeKeyId,
        @DefaultValue Map<String, String> keys,
        String blindIndexKey,
        @DefaultValue("false") boolean rotate,
        @DefaultValue("100") int rotationBatchSize) {

    public AtRestProperties {
        if (rotationBatchSize < 1) {
            throw new IllegalArgumentException("qorgau.at-rest.rotation-batch-size must be at least 1");
        }
    }

    @Override
    public String toString() {
        // Never print key material (configuration reports, startup failures).
        return "AtRestProperties[activeKeyId=" + activeKeyId + ", keyIds=" + keys.keySet() + ", rotationBatchSize="
                + rotationBatchSize + "]";
    }
}
