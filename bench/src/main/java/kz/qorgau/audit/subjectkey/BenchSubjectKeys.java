package kz.qorgau.audit.subjectkey;

import java.time.Duration;
import java.util.Map;
import kz.qorgau.audit.platform.AuditProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bench's way to audit-service's {@link SubjectKeys} without its Spring application (docs/performance.md):
 * here, in the service's own package, because the constructor is the package's. The public demo key-encryption
 * key, as the local stack runs it.
 */
public final class BenchSubjectKeys {

    private BenchSubjectKeys() {}

    /** The keys of the trail in the database {@code readers} reads, wrapped by the local demo key. */
    public static SubjectKeys withDemoKey(JdbcClient readers) {
        AuditProperties.Shredding demo = new AuditProperties.Shredding(
                "",
                Map.of(),
                true,
                Duration.ofDays(3650),
                Duration.ofDays(3650),
                "UNVERIFIED",
                Duration.ofHours(1),
                Duration.ofSeconds(5));
        return new SubjectKeys(KeyEncryptionKeys.of(demo), readers);
    }
}
