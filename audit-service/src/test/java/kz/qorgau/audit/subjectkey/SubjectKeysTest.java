package kz.qorgau.audit.subjectkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.audit.platform.AuditProperties;
import kz.qorgau.auditlog.AesGcm;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import kz.qorgau.events.sealed.LocalDemoKeys;
import org.junit.jupiter.api.Test;

/** The decisions of crypto-shredding that need no database (docs/adr/0031). */
class SubjectKeysTest {

    @Test
    void aKeyPerSubjectAndPerPartitionAndDayForUnreadableRecords() {
        String subject = UUID.randomUUID().toString();
        assertThat(SubjectKeys.nameFor(event(subject))).isEqualTo("subject:" + subject);
        AuditEntry unreadable = new AuditEntry(
                CanonicalEncoding.VERSION_3,
                2,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "qorgau.orders",
                4,
                17,
                Instant.parse("2026-03-01T23:59:59.999999Z"),
                new byte[] {1},
                null,
                List.of(),
                "not a CloudEvent");
        assertThat(SubjectKeys.nameFor(unreadable)).isEqualTo("unreadable:qorgau.orders/4/2026-03-01");
    }

    @Test
    void aWrappedKeyOpensOnlyUnderItsNameAndItsKeyEncryptionKey() throws GeneralSecurityException {
        KeyEncryptionKeys keks = KeyEncryptionKeys.of(shredding(Map.of("k1", randomKey(), "k2", randomKey()), "k1"));
        byte[] key = AesGcm.newKey();
        byte[] wrapped = keks.wrap(key, "subject:a");
        assertThat(wrapped).hasSize(60);
        assertThat(keks.unwrap("k1", wrapped, "subject:a")).isEqualTo(key);
        assertThatThrownBy(() -> keks.unwrap("k1", wrapped, "subject:b")).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> keks.unwrap("k2", wrapped, "subject:a")).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> keks.unwrap("gone", wrapped, "subject:a"))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void aChangedCiphertextNeverOpens() {
        byte[] key = AesGcm.newKey();
        byte[] aad = "place".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = AesGcm.seal(key, "payload".getBytes(StandardCharsets.UTF_8), aad);
        for (int i = 0; i < sealed.length; i++) {
            byte[] changed = sealed.clone();
            changed[i] ^= 1;
            assertThatThrownBy(() -> AesGcm.open(key, changed, 0, aad)).isInstanceOf(GeneralSecurityException.class);
        }
        assertThatThrownBy(() -> AesGcm.open(key, sealed, 0, "elsewhere".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void noKeyEncryptionKeyNoStartAndTheDemoKeyOnlyWhereDemoKeysAreAllowed() {
        assertThatThrownBy(() -> KeyEncryptionKeys.of(shredding(Map.of(), "")))
                .hasMessageContaining("QORGAU_AUDIT_SHREDDING_ACTIVE_KEY_ID");
        assertThatThrownBy(() ->
                        KeyEncryptionKeys.of(shredding(Map.of("mine", LocalDemoKeys.AUDIT_KEY_ENCRYPTION_KEY), "mine")))
                .hasMessageContaining("public local demo key");
        assertThatThrownBy(() -> KeyEncryptionKeys.of(shredding(Map.of("short", "c2hvcnQ="), "short")))
                .hasMessageContaining("256 random bits")
                .hasMessageNotContaining("c2hvcnQ=");
        AuditProperties.Shredding demo = new AuditProperties.Shredding(
                "",
                Map.of(),
                true,
                Duration.ofDays(1),
                Duration.ofDays(1),
                "UNVERIFIED",
                Duration.ofHours(1),
                Duration.ofSeconds(5));
        assertThat(KeyEncryptionKeys.of(demo).activeKeyId()).isEqualTo(KeyEncryptionKeys.DEMO_KEY_ID);
    }

    @Test
    void retentionPeriodsMustBePositive() {
        assertThatThrownBy(() -> new AuditProperties.Shredding(
                        "",
                        Map.of(),
                        true,
                        Duration.ZERO,
                        Duration.ofDays(1),
                        "UNVERIFIED",
                        Duration.ofHours(1),
                        Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static AuditProperties.Shredding shredding(Map<String, String> keys, String active) {
        return new AuditProperties.Shredding(
                active,
                keys,
                false,
                Duration.ofDays(1),
                Duration.ofDays(1),
                "UNVERIFIED",
                Duration.ofHours(1),
                Duration.ofSeconds(5));
    }

    private static String randomKey() {
        return Base64.getEncoder().encodeToString(AesGcm.newKey());
    }

    private static AuditEntry event(String subject) {
        return new AuditEntry(
                CanonicalEncoding.VERSION_3,
                1,
                UUID.randomUUID(),
                "kz.qorgau.order.issued.v1",
                "urn:qorgau:service:order-service",
                subject,
                1L,
                Instant.parse("2026-03-01T10:00:00Z"),
                "application/json",
                null,
                "qorgau.orders",
                0,
                1,
                Instant.parse("2026-03-01T10:00:01Z"),
                new byte[] {1},
                null,
                List.of(),
                null);
    }
}
