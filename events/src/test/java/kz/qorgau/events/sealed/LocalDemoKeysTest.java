package kz.qorgau.events.sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import kz.qorgau.events.sealed.LocalDemoKeys.KeyRing;
import kz.qorgau.events.sealed.LocalDemoKeys.RingNames;
import org.junit.jupiter.api.Test;

class LocalDemoKeysTest {

    private static final String PRODUCTION = "7kQ0bXzS2YcO8bH7Xl3m0T8Qm4cN2yJt5VwqKzL1p9A=";
    private static final RingNames SEALING =
            new RingNames("qorgau.sealing", "QORGAU_SEALING_ACTIVE_KEY_ID", "QORGAU_SEALING_KEYS_");

    private static KeyRing production(Map<String, String> ring, String activeKeyId) {
        return LocalDemoKeys.keyRing(
                ring, activeKeyId, false, LocalDemoKeys.SEALING_KEY_ID, LocalDemoKeys.SEALING_KEY, SEALING);
    }

    @Test
    void withoutDemoKeysTheRingIsWhatIsConfigured() {
        KeyRing ring = production(Map.of("prod-2026-11", PRODUCTION), "prod-2026-11");

        assertThat(ring.keys()).containsOnlyKeys("prod-2026-11");
        assertThat(ring.activeKeyId()).isEqualTo("prod-2026-11");
        SealedFieldCipher production = SealedFieldCipher.fromBase64Keys(ring.keys(), ring.activeKeyId());
        SealedFieldCipher demo = SealedFieldCipher.fromBase64Keys(
                Map.of(LocalDemoKeys.SEALING_KEY_ID, LocalDemoKeys.SEALING_KEY), LocalDemoKeys.SEALING_KEY_ID);
        SealedField sealedWithDemo = demo.seal("x".getBytes(), "order/field".getBytes());
        assertThatThrownBy(() -> production.open(sealedWithDemo, "order/field".getBytes()))
                .isInstanceOf(SealedFieldException.class);
    }

    @Test
    void withoutAnActiveKeyTheStartFailsNamingTheSetting() {
        assertThatThrownBy(() -> production(Map.of(), ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QORGAU_SEALING_ACTIVE_KEY_ID")
                .hasMessageContaining("QORGAU_LOCAL_DEMO_KEYS=true");
        assertThatThrownBy(() -> production(Map.of("prod-2026-11", PRODUCTION), "prod-2026-12"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QORGAU_SEALING_KEYS_PROD_2026_12");
    }

    @Test
    void refusesADemoKeyAsTheActiveKey() {
        assertThatThrownBy(() -> production(
                        Map.of(LocalDemoKeys.SEALING_KEY_ID, LocalDemoKeys.SEALING_KEY, "prod-2026-11", PRODUCTION),
                        LocalDemoKeys.SEALING_KEY_ID))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("qorgau.sealing.active-key-id")
                .hasMessageContaining("QORGAU_LOCAL_DEMO_KEYS")
                .hasMessageNotContaining(LocalDemoKeys.SEALING_KEY);
    }

    @Test
    void refusesTheDemoKeyBytesUnderAnyKeyId() {
        for (String demoKey : new String[] {
            LocalDemoKeys.SEALING_KEY,
            LocalDemoKeys.AT_REST_KEY,
            LocalDemoKeys.BLIND_INDEX_KEY,
            // The same bytes, written without padding and in the URL alphabet.
            LocalDemoKeys.SEALING_KEY.replace("=", ""),
            LocalDemoKeys.SEALING_KEY.replace('/', '_')
        }) {
            assertThatThrownBy(() -> production(Map.of("prod-2026-11", demoKey), "prod-2026-11"))
                    .as(demoKey)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("qorgau.sealing.keys.prod-2026-11 is a public local demo key")
                    .hasMessageNotContaining(demoKey);
            assertThatThrownBy(() -> production(Map.of("prod-2026-11", PRODUCTION, "old", demoKey), "prod-2026-11"))
                    .as(demoKey)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("qorgau.sealing.keys.old");
        }
    }

    @Test
    void demoKeysAreTheDefaultOnlyWhereAllowed() {
        KeyRing local = LocalDemoKeys.keyRing(
                Map.of(), "", true, LocalDemoKeys.SEALING_KEY_ID, LocalDemoKeys.SEALING_KEY, SEALING);
        assertThat(local.keys()).containsEntry(LocalDemoKeys.SEALING_KEY_ID, LocalDemoKeys.SEALING_KEY);
        assertThat(local.activeKeyId()).isEqualTo(LocalDemoKeys.SEALING_KEY_ID);

        KeyRing localWithOwnKey = LocalDemoKeys.keyRing(
                Map.of("test-k1", PRODUCTION),
                "test-k1",
                true,
                LocalDemoKeys.SEALING_KEY_ID,
                LocalDemoKeys.SEALING_KEY,
                SEALING);
        assertThat(localWithOwnKey.keys()).containsOnlyKeys(LocalDemoKeys.SEALING_KEY_ID, "test-k1");
        assertThat(localWithOwnKey.activeKeyId()).isEqualTo("test-k1");
    }

    @Test
    void aSingleKeyIsRequiredAndNeverTheDemoOneUnlessAllowed() {
        String property = "qorgau.at-rest.blind-index-key";
        String variable = "QORGAU_AT_REST_BLIND_INDEX_KEY";
        assertThatThrownBy(
                        () -> LocalDemoKeys.singleKey(null, false, LocalDemoKeys.BLIND_INDEX_KEY, property, variable))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(variable);
        assertThatThrownBy(() -> LocalDemoKeys.singleKey(
                        LocalDemoKeys.BLIND_INDEX_KEY, false, LocalDemoKeys.BLIND_INDEX_KEY, property, variable))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(variable)
                .hasMessageNotContaining(LocalDemoKeys.BLIND_INDEX_KEY);
        assertThat(LocalDemoKeys.singleKey(PRODUCTION, false, LocalDemoKeys.BLIND_INDEX_KEY, property, variable))
                .isEqualTo(PRODUCTION);
        assertThat(LocalDemoKeys.singleKey("", true, LocalDemoKeys.BLIND_INDEX_KEY, property, variable))
                .isEqualTo(LocalDemoKeys.BLIND_INDEX_KEY);
    }
}
