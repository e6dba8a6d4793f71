package kz.qorgau.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.qorgau.auditlog.NoteSigner;
import kz.qorgau.events.sealed.LocalDemoKeys;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.instances.ServiceInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Nothing production-unsafe by default (docs/adr/0014): without a database password, or without a key of
 * its own to sign checkpoints (docs/adr/0023), the service does not start, and says which setting is missing.
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

    @Test
    void refusesToStartWithoutACheckpointSigningKey() {
        Map<String, Object> settings = settings();
        settings.put(TestInfrastructure.LOCAL_DEMO_KEYS_PROPERTY, false);

        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("No checkpoint signing key: set QORGAU_AUDIT_CHECKPOINT_SIGNING_KEY");
    }

    @Test
    void refusesThePublicDemoCheckpointKeyUnderAnyName() {
        Map<String, Object> settings = settings();
        settings.put(TestInfrastructure.LOCAL_DEMO_KEYS_PROPERTY, false);
        settings.put(
                "qorgau.audit.checkpoint.signing-key",
                NoteSigner.secretKey("my.agency/audit", Base64.getDecoder().decode(LocalDemoKeys.CHECKPOINT_SEED)));

        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("The checkpoint signing key is the public local demo key");
    }

    private Map<String, Object> settings() {
        return new LinkedHashMap<>(infrastructure.springProperties());
    }

    /** Starts the service as an operator would; a start that succeeds fails the test. */
    private static void start(Map<String, Object> settings) {
        ServiceInstances.start(AuditServiceApplication.class, 1, settings).close();
    }
}
