package kz.qorgau.kit.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** No password, no start; the message names the variable the service's configuration reads. */
class DatabasePasswordTest {

    @Test
    void anUnsetVariableIsNamedFromThePlaceholder() {
        StandardEnvironment environment =
                environment(Map.of("spring.datasource.password", "${QORGAU_ORDER_DB_PASSWORD}"));

        assertThatThrownBy(() -> DatabasePassword.require(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "No database password: set QORGAU_ORDER_DB_PASSWORD (spring.datasource.password).");
    }

    @Test
    void theVariableOfTheSourceThatWinsIsNamed() {
        StandardEnvironment environment =
                environment(Map.of("spring.datasource.password", "${QORGAU_AUDIT_DB_PASSWORD}"));
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "operator", Map.of("spring.datasource.password", "${VAULT_AUDIT_PASSWORD}")));

        assertThatThrownBy(() -> DatabasePassword.require(environment))
                .hasMessageContaining("set VAULT_AUDIT_PASSWORD (spring.datasource.password)");
    }

    @Test
    void noPasswordPropertyAtAllNamesTheProperty() {
        assertThatThrownBy(() -> DatabasePassword.require(environment(Map.of())))
                .hasMessageStartingWith("No database password: set spring.datasource.password.");
    }

    @Test
    void aGivenPasswordPassesAnEmptyOneToo() {
        for (String password : new String[] {"s3cret", ""}) {
            StandardEnvironment environment = environment(Map.of(
                    "spring.datasource.password", "${QORGAU_ORDER_DB_PASSWORD}", "QORGAU_ORDER_DB_PASSWORD", password));

            assertThatCode(() -> DatabasePassword.require(environment)).doesNotThrowAnyException();
        }
    }

    @Test
    void aPlaceholderWithADefaultIsAPassword() {
        StandardEnvironment environment =
                environment(Map.of("spring.datasource.password", "${QORGAU_ORDER_DB_PASSWORD:local}"));

        assertThatCode(() -> DatabasePassword.require(environment)).doesNotThrowAnyException();
    }

    /** Only the given properties: nothing of this machine's environment or system properties. */
    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
        return environment;
    }
}
