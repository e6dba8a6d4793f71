package kz.qorgau.order.atrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import kz.qorgau.events.sealed.LocalDemoKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** How the at-rest keys come from environment variables, as docs/configuration.md documents them. */
class AtRestPropertiesTest {

    private static final String KEY = "7kQ0bXzS2YcO8bH7Xl3m0T8Qm4cN2yJt5VwqKzL1p9A=";

    @Test
    void keysComeFromEnvironmentVariablesNamedWithoutTheDashOfAtRest() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of(
                                "QORGAU_ATREST_KEYS_PROD2026",
                                KEY,
                                "QORGAU_ATREST_ACTIVEKEYID",
                                "prod2026",
                                "QORGAU_ATREST_BLINDINDEXKEY",
                                KEY)));

        AtRestProperties properties = Binder.get(environment)
                .bind("qorgau.at-rest", AtRestProperties.class)
                .get();

        assertThat(properties.keys()).containsOnlyKeys("prod2026");
        assertThat(properties.activeKeyId()).isEqualTo("prod2026");
        assertThat(properties.rotationBatchSize()).isEqualTo(100);
        PersonalDataVault vault = PersonalDataVault.of(properties);
        assertThat(vault.activeKeyId()).isEqualTo("prod2026");
        assertThat(properties.toString()).doesNotContain(KEY);
    }

    @Test
    void aShortBlindIndexKeyIsRefusedWithoutEchoingIt() {
        AtRestProperties properties = new AtRestProperties("k1", Map.of("k1", KEY), "c2hvcnQ=", false, 100, true);
        assertThatThrownBy(() -> PersonalDataVault.of(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256 bits")
                .hasMessageNotContaining("c2hvcnQ=");
    }

    @Test
    void withoutDemoKeysEveryKeyMustBeConfiguredAndNoneMayBeADemoKey() throws Exception {
        Map<String, String> ring = Map.of("prod2026", KEY);

        AtRestProperties production = new AtRestProperties("prod2026", ring, KEY, false, 100, false);
        assertThat(production.ring().keys()).containsOnlyKeys("prod2026");
        assertThat(PersonalDataVault.of(production).activeKeyId()).isEqualTo("prod2026");

        AtRestProperties demoActive = new AtRestProperties(
                LocalDemoKeys.AT_REST_KEY_ID,
                Map.of(LocalDemoKeys.AT_REST_KEY_ID, LocalDemoKeys.AT_REST_KEY, "prod2026", KEY),
                KEY,
                false,
                100,
                false);
        assertThatThrownBy(() -> PersonalDataVault.of(demoActive))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("qorgau.at-rest.active-key-id");

        AtRestProperties demoBytesUnderOwnId =
                new AtRestProperties("prod2026", Map.of("prod2026", LocalDemoKeys.AT_REST_KEY), KEY, false, 100, false);
        assertThatThrownBy(() -> PersonalDataVault.of(demoBytesUnderOwnId))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("qorgau.at-rest.keys.prod2026 is a public local demo key")
                .hasMessageNotContaining(LocalDemoKeys.AT_REST_KEY);

        AtRestProperties demoIndex =
                new AtRestProperties("prod2026", ring, LocalDemoKeys.BLIND_INDEX_KEY, false, 100, false);
        assertThatThrownBy(() -> PersonalDataVault.of(demoIndex))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QORGAU_AT_REST_BLIND_INDEX_KEY")
                .hasMessageNotContaining(LocalDemoKeys.BLIND_INDEX_KEY);

        AtRestProperties noIndexKey = new AtRestProperties("prod2026", ring, "", false, 100, false);
        assertThatThrownBy(() -> PersonalDataVault.of(noIndexKey))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QORGAU_AT_REST_BLIND_INDEX_KEY");

        AtRestProperties nothing = new AtRestProperties(null, Map.of(), null, false, 100, false);
        assertThatThrownBy(() -> PersonalDataVault.of(nothing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QORGAU_AT_REST_ACTIVE_KEY_ID");

        // The local stack and tests allow the demo keys: with nothing configured, they are the keys.
        AtRestProperties local = new AtRestProperties(null, Map.of(), null, false, 100, true);
        assertThat(PersonalDataVault.of(local).activeKeyId()).isEqualTo(LocalDemoKeys.AT_REST_KEY_ID);
        assertThat(local.checkedBlindIndexKey()).isEqualTo(LocalDemoKeys.BLIND_INDEX_KEY);
    }

    @Test
    void applicationYmlHoldsNoKeyAndAllowsNoDemoKeyByDefault() throws Exception {
        String applicationYml = new String(
                getClass().getResourceAsStream("/application.yml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(applicationYml)
                .contains("local-demo-keys: ${QORGAU_LOCAL_DEMO_KEYS:false}")
                .contains("blind-index-key: ${QORGAU_AT_REST_BLIND_INDEX_KEY:}")
                .doesNotContain(LocalDemoKeys.SEALING_KEY)
                .doesNotContain(LocalDemoKeys.AT_REST_KEY)
                .doesNotContain(LocalDemoKeys.BLIND_INDEX_KEY);
    }
}
