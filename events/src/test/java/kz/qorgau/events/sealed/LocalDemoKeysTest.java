package kz.qorgau.events.sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalDemoKeysTest {

    private static final String DEMO = "zNCDUjXb06fj17a5/Ou1vsQSflnxWQAaNFKUG8F6XhA=";
    private static final String PRODUCTION = "0HgycrnvanLvor3Mn7PAcHuoDlfIkmz95bLI8U85lfk=";

    @Test
    void dropsTheDemoKeysFromAProductionRing() {
        Map<String, String> ring = LocalDemoKeys.withoutDemoKeys(
                Map.of("local-demo-1", DEMO, "prod-2026-11", PRODUCTION), "prod-2026-11", "qorgau.sealing");

        assertThat(ring).containsOnlyKeys("prod-2026-11");
        SealedFieldCipher production = SealedFieldCipher.fromBase64Keys(ring, "prod-2026-11");
        SealedFieldCipher demo = SealedFieldCipher.fromBase64Keys(Map.of("local-demo-1", DEMO), "local-demo-1");
        SealedField sealedWithDemo = demo.seal("x".getBytes(), "order/field".getBytes());
        assertThatThrownBy(() -> production.open(sealedWithDemo, "order/field".getBytes()))
                .isInstanceOf(SealedFieldException.class);
    }

    @Test
    void refusesADemoKeyAsTheActiveKey() {
        assertThatThrownBy(() -> LocalDemoKeys.withoutDemoKeys(
                        Map.of("local-demo-1", DEMO, "prod-2026-11", PRODUCTION), "local-demo-1", "qorgau.sealing"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("qorgau.sealing.active-key-id")
                .hasMessageContaining("QORGAU_LOCAL_DEMO_KEYS=false")
                .hasMessageNotContaining(DEMO);
    }
}
