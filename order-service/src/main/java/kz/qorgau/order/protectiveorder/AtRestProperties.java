package kz.qorgau.order.protectiveorder;

import java.util.Map;
import kz.qorgau.events.sealed.LocalDemoKeys;
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
 * @param allowLocalDemoKeys {@code false} in production ({@code QORGAU_LOCAL_DEMO_KEYS=false}): the public
 *     demo keys are dropped from the ring and the demo blind index key stops the start
 */
@ConfigurationProperties("qorgau.at-rest")
public record AtRestProperties(
        String activeKeyId,
        @DefaultValue Map<String, String> keys,
        String blindIndexKey,
        @DefaultValue("false") boolean rotate,
        @DefaultValue("100") int rotationBatchSize,
        @DefaultValue("true") boolean allowLocalDemoKeys) {

    /** The public local-only blind index key of application.yml. */
    static final String LOCAL_DEMO_BLIND_INDEX_KEY = "HsS5ifxozS0Kz/YjjRfz6+NCxWcMLx9iDVKPlEJYvbs=";

    public AtRestProperties {
        if (rotationBatchSize < 1) {
            throw new IllegalArgumentException("qorgau.at-rest.rotation-batch-size must be at least 1");
        }
    }

    /** The ring to use: without the public demo keys unless they are allowed. */
    public Map<String, String> ring() {
        return allowLocalDemoKeys ? keys : LocalDemoKeys.withoutDemoKeys(keys, activeKeyId, "qorgau.at-rest");
    }

    /** The blind index key; the public demo one only where demo keys are allowed. */
    public String checkedBlindIndexKey() {
        if (!allowLocalDemoKeys && LOCAL_DEMO_BLIND_INDEX_KEY.equals(blindIndexKey)) {
            throw new IllegalStateException("qorgau.at-rest.blind-index-key is the public local demo key while local"
                    + " demo keys are refused (QORGAU_LOCAL_DEMO_KEYS=false): set QORGAU_AT_REST_BLIND_INDEX_KEY");
        }
        return blindIndexKey;
    }

    @Override
    public String toString() {
        // Never print key material (configuration reports, startup failures).
        return "AtRestProperties[activeKeyId=" + activeKeyId + ", keyIds=" + keys.keySet() + ", rotationBatchSize="
                + rotationBatchSize + "]";
    }
}
