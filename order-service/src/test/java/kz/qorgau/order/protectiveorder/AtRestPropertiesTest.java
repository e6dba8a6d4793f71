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
        AtRestProperties properties = new AtRestProperties("k1", Map.of("k1", KEY), "c2hvcnQ=", false, 100);
        assertThatThrownBy(() -> PersonalDataVault.of(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256 bits")
                .hasMessageNotContaining("c2hvcnQ=");
    }
}
