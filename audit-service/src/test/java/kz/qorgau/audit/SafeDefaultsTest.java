package kz.qorgau.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
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
        withKeyEncryptionKey(settings);

        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("No checkpoint signing key: set QORGAU_AUDIT_CHECKPOINT_SIGNING_KEY");
    }

    @Test
    void refusesToStartWithoutAKeyEncryptionKey() {
        Map<String, Object> settings = settings();
        settings.put(TestInfrastructure.LOCAL_DEMO_KEYS_PROPERTY, false);
        settings.put("qorgau.audit.checkpoint.signing-key", NoteSigner.generate("my.agency/audit", new SecureRandom()));

        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining(
                        "No active key for qorgau.audit.shredding: set" + " QORGAU_AUDIT_SHREDDING_ACTIVE_KEY_ID");
    }

    @Test
    void refusesThePublicDemoKeyEncryptionKeyUnderAnyName() {
        Map<String, Object> settings = settings();
        settings.put(TestInfrastructure.LOCAL_DEMO_KEYS_PROPERTY, false);
        settings.put("qorgau.audit.checkpoint.signing-key", NoteSigner.generate("my.agency/audit", new SecureRandom()));
        settings.put("qorgau.audit.shredding.active-key-id", "agency-1");
        settings.put("qorgau.audit.shredding.keys.agency-1", LocalDemoKeys.AUDIT_KEY_ENCRYPTION_KEY);

        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("qorgau.audit.shredding.keys.agency-1 is a public local demo key");
    }

    @Test
    void refusesThePublicDemoCheckpointKeyUnderAnyName() {
        Map<String, Object> settings = settings();
        settings.put(TestInfrastructure.LOCAL_DEMO_KEYS_PROPERTY, false);
        withKeyEncryptionKey(settings);
        settings.put(
                "qorgau.audit.checkpoint.signing-key",
                NoteSigner.secretKey("my.agency/audit", Base64.getDecoder().decode(LocalDemoKeys.CHECKPOINT_SEED)));

        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("The checkpoint signing key is the public local demo key");
    }

    /** A key-encryption key of its own (docs/adr/0031), so that the start fails on what the test is about. */
    private static void withKeyEncryptionKey(Map<String, Object> settings) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        settings.put("qorgau.audit.shredding.active-key-id", "agency-1");
        settings.put("qorgau.audit.shredding.keys.agency-1", Base64.getEncoder().encodeToString(key));
    }

    private Map<String, Object> settings() {
        return new LinkedHashMap<>(infrastructure.springProperties());
    }

    /** Starts the service as an operator would; a start that succeeds fails the test. */
    private static void start(Map<String, Object> settings) {
        ServiceInstances.start(AuditServiceApplication.class, 1, settings).close();
    }
}
