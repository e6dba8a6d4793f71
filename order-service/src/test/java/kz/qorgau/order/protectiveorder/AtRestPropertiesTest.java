package kz.qorgau.order.protectiveorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** How the at-rest keys come from environment variables, as the README documents them. */
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
    void productionRefusesTheLocalDemoKeys() throws Exception {
        String demoKey = "0HgycrnvanLvor3Mn7PAcHuoDlfIkmz95bLI8U85lfk=";
        Map<String, String> ring = Map.of("local-demo-at-rest-1", demoKey, "prod2026", KEY);

        AtRestProperties production = new AtRestProperties("prod2026", ring, KEY, false, 100, false);
        assertThat(production.ring()).containsOnlyKeys("prod2026");
        assertThat(PersonalDataVault.of(production).activeKeyId()).isEqualTo("prod2026");

        AtRestProperties demoActive = new AtRestProperties("local-demo-at-rest-1", ring, KEY, false, 100, false);
        assertThatThrownBy(() -> PersonalDataVault.of(demoActive))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("qorgau.at-rest.active-key-id");

        AtRestProperties demoIndex =
                new AtRestProperties("prod2026", ring, AtRestProperties.LOCAL_DEMO_BLIND_INDEX_KEY, false, 100, false);
        assertThatThrownBy(() -> PersonalDataVault.of(demoIndex))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QORGAU_AT_REST_BLIND_INDEX_KEY")
                .hasMessageNotContaining(AtRestProperties.LOCAL_DEMO_BLIND_INDEX_KEY);

        // The local stack keeps working with the demo keys (the default).
        AtRestProperties local = new AtRestProperties(
                "local-demo-at-rest-1", ring, AtRestProperties.LOCAL_DEMO_BLIND_INDEX_KEY, false, 100, true);
        assertThat(PersonalDataVault.of(local).activeKeyId()).isEqualTo("local-demo-at-rest-1");
        // The constant is the demo value application.yml really uses.
        String applicationYml = new String(
                getClass().getResourceAsStream("/application.yml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(applicationYml)
                .contains("${QORGAU_AT_REST_BLIND_INDEX_KEY:" + AtRestProperties.LOCAL_DEMO_BLIND_INDEX_KEY + "}")
                .contains("allow-local-demo-keys: ${QORGAU_LOCAL_DEMO_KEYS:true}");
    }
}
