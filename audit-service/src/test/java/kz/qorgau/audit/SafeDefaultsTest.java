package kz.qorgau.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.instances.ServiceInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Nothing production-unsafe by default (docs/adr/0014): without a database password the service does
 * not start, and says which setting is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafeDefaultsTest {

    TestInfrastructure infrastructure;

    @BeforeAll
    void createInfrastructure() {
        infrastructure = TestInfrastructure.create(getClass().getSimpleName(), false);
    }

    @AfterAll
    void removeInfrastructure() {
        infrastructure.close();
    }

    @Test
    void refusesToStartWithoutADatabasePassword() {
        Map<String, Object> settings = settings();
        settings.remove("spring.datasource.password");

        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("No database password: set QORGAU_AUDIT_DB_PASSWORD");
    }

    private Map<String, Object> settings() {
        return new LinkedHashMap<>(infrastructure.springProperties());
    }

    /** Starts the service as an operator would; a start that succeeds fails the test. */
    private static void start(Map<String, Object> settings) {
        ServiceInstances.start(AuditServiceApplication.class, 1, settings).close();
    }
}
