package kz.qorgau.notification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import kz.qorgau.events.sealed.LocalDemoKeys;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.instances.ServiceInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Nothing production-unsafe by default (docs/adr/0014): without a database password, without keys, or
 * with a public demo key while demo keys are not allowed, the service does not start, and says which
 * setting is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafeDefaultsTest {

    private static final String OWN_KEY = "7kQ0bXzS2YcO8bH7Xl3m0T8Qm4cN2yJt5VwqKzL1p9A=";
    private static final String OTHER_OWN_KEY = "q3Zb0m4uXw2YtR7pLk9sVj1cN5dHf8gE6aQyWzT0xUo=";

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
                .hasStackTraceContaining("No database password: set QORGAU_NOTIFICATION_DB_PASSWORD");
    }

    @Test
    void withoutDemoKeysAndWithoutKeysItRefusesToStartNamingTheMissingSetting() {
        Map<String, Object> settings = ownContactKeys(settings());
        settings.put(TestInfrastructure.LOCAL_DEMO_KEYS_PROPERTY, false);

        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("No active key for qorgau.sealing: set QORGAU_SEALING_ACTIVE_KEY_ID");
    }

    @Test
    void withoutKeysForTheVictimsContactsItRefusesToStart() {
        Map<String, Object> settings = ownKeys();
        settings.remove("qorgau.notification.contacts.active-key-id");

        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining(
                        "No active key for qorgau.notification.contacts: set QORGAU_CONTACTS_ACTIVE_KEY_ID");

        Map<String, Object> demoIndex = ownKeys();
        demoIndex.put("qorgau.notification.contacts.blind-index-key", LocalDemoKeys.CONTACTS_BLIND_INDEX_KEY);
        assertThatThrownBy(() -> start(demoIndex))
                .hasStackTraceContaining("qorgau.notification.contacts.blind-index-key is a public local demo key");
    }

    @Test
    void refusesTheDemoKeyBytesUnderAnyKeyId() {
        Map<String, Object> settings = ownKeys();
        settings.put("qorgau.sealing.keys.retired-2025", LocalDemoKeys.SEALING_KEY);

        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("qorgau.sealing.keys.retired-2025 is a public local demo key");
    }

    @Test
    void refusesADemoKeyAsTheActiveKey() {
        Map<String, Object> settings = ownKeys();
        settings.put("qorgau.sealing.keys." + LocalDemoKeys.SEALING_KEY_ID, OTHER_OWN_KEY);
        settings.put("qorgau.sealing.active-key-id", LocalDemoKeys.SEALING_KEY_ID);

        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("qorgau.sealing.active-key-id is \"local-demo-1\", a public local demo key");
    }

    /** Keys of production's own, demo keys not allowed. */
    private Map<String, Object> ownKeys() {
        Map<String, Object> settings = settings();
        settings.put(TestInfrastructure.LOCAL_DEMO_KEYS_PROPERTY, false);
        settings.put("qorgau.sealing.keys.prod-2026", OWN_KEY);
        settings.put("qorgau.sealing.active-key-id", "prod-2026");
        return ownContactKeys(settings);
    }

    /** The contacts' ring and blind index key of production's own (docs/adr/0030). */
    private static Map<String, Object> ownContactKeys(Map<String, Object> settings) {
        settings.put("qorgau.notification.contacts.keys.contacts-2026", OTHER_OWN_KEY);
        settings.put("qorgau.notification.contacts.active-key-id", "contacts-2026");
        settings.put("qorgau.notification.contacts.blind-index-key", OWN_KEY);
        return settings;
    }

    private Map<String, Object> settings() {
        return new LinkedHashMap<>(infrastructure.springProperties());
    }

    /** Starts the service as an operator would; a start that succeeds fails the test. */
    private static void start(Map<String, Object> settings) {
        ServiceInstances.start(NotificationServiceApplication.class, 1, settings)
                .close();
    }
}
