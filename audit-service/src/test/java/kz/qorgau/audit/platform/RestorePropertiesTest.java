package kz.qorgau.audit.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The log topic never outlives a shredded key (docs/adr/0031, 0032). */
class RestorePropertiesTest {

    @Test
    void theLogTopicKeepsEntriesShorterThanTheShortestRetention() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Duration.ofDays(30), Duration.ofDays(3650), Duration.ofDays(30)))
                .withMessageContaining("mirror-retention");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Duration.ofDays(30), Duration.ofDays(20), Duration.ofDays(3650)));
        assertThat(properties(Duration.ofDays(30), Duration.ofDays(3650), Duration.ofDays(365))
                        .restore()
                        .mirrorRetention())
                .isEqualTo(Duration.ofDays(30));
    }

    private static AuditProperties properties(Duration mirror, Duration subjects, Duration unreadable) {
        return new AuditProperties(
                new AuditProperties.Writer(Duration.ofSeconds(1), Duration.ofSeconds(15)),
                new AuditProperties.Verify(1000, Duration.ofSeconds(20)),
                new AuditProperties.Database("", false),
                new AuditProperties.Checkpoints(
                        "qorgau/audit-trail", Duration.ofMinutes(1), 1000, "", "", true, Duration.ofMinutes(1)),
                new AuditProperties.Reconcile(Duration.ofMinutes(5)),
                new AuditProperties.Shredding(
                        "",
                        Map.of(),
                        true,
                        subjects,
                        unreadable,
                        "UNVERIFIED",
                        Duration.ofHours(1),
                        Duration.ofSeconds(5)),
                new AuditProperties.Restore(mirror, Duration.ofMillis(500), false, Duration.ofSeconds(60)));
    }
}
