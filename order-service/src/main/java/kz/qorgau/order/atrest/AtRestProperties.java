package kz.qorgau.order.atrest;

import java.util.Map;
import kz.qorgau.events.sealed.LocalDemoKeys;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qorgau.at-rest.*}: the keys that encrypt personal data in order-service's own database
 * (docs/adr/0009). A key ring of its own, apart from {@code qorgau.sealing.*} (which seals fields on
 * topics and is shared with notification-service): a leak or rotation of one never touches the other.
 * No key by default (docs/adr/0014).
 *
 * @param activeKeyId the key new rows (and rotated rows) are encrypted with
 * @param keys key id to base64 of a 256-bit AES key; retired keys stay until a rotation has run
 * @param blindIndexKey base64 of the HMAC-SHA256 key of the IIN blind index (at least 256 bits)
 * @param rotate {@code true} runs the key rotation as a command and exits (see {@code AtRestRotationCommand})
 * @param rotationBatchSize rows re-encrypted per transaction by a rotation
 * @param allowLocalDemoKeys {@code true} only for ./qorgau-local and tests ({@code QORGAU_LOCAL_DEMO_KEYS}):
 *     the public demo keys are used where none is configured; otherwise a demo key (under any id, or as
 *     the blind index key) or a missing key stops the start
 */
@ConfigurationProperties("qorgau.at-rest")
public record AtRestProperties(
        String activeKeyId,
        @DefaultValue Map<String, String> keys,
        String blindIndexKey,
        @DefaultValue("false") boolean rotate,
        @DefaultValue("100") int rotationBatchSize,
        @DefaultValue("false") boolean allowLocalDemoKeys) {

    static final LocalDemoKeys.RingNames NAMES =
            new LocalDemoKeys.RingNames("qorgau.at-rest", "QORGAU_AT_REST_ACTIVE_KEY_ID", "QORGAU_ATREST_KEYS_");

    public AtRestProperties {
        if (rotationBatchSize < 1) {
            throw new IllegalArgumentException("qorgau.at-rest.rotation-batch-size must be at least 1");
        }
    }

    /** The ring to use: checked, with the public demo key only where demo keys are allowed. */
    public LocalDemoKeys.KeyRing ring() {
        return LocalDemoKeys.keyRing(
                keys, activeKeyId, allowLocalDemoKeys, LocalDemoKeys.AT_REST_KEY_ID, LocalDemoKeys.AT_REST_KEY, NAMES);
    }

    /** The blind index key: the configured one, the public demo one only where demo keys are allowed. */
    public String checkedBlindIndexKey() {
        return LocalDemoKeys.singleKey(
                blindIndexKey,
                allowLocalDemoKeys,
                LocalDemoKeys.BLIND_INDEX_KEY,
                "qorgau.at-rest.blind-index-key",
                "QORGAU_AT_REST_BLIND_INDEX_KEY");
    }

    @Override
    public String toString() {
        // Never print key material (configuration reports, startup failures).
        return "AtRestProperties[activeKeyId=" + activeKeyId + ", keyIds=" + keys.keySet() + ", rotationBatchSize="
                + rotationBatchSize + "]";
    }
}
