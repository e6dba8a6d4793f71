package kz.qorgau.audit.platform;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import kz.qorgau.kit.leader.LeaderSessions;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * audit-service's own settings ({@code qorgau.audit.*}).
 *
 * @param writer the single writer's lock
 * @param verify verification of the trail
 * @param database the runtime role
 * @param checkpoint signed checkpoints
 * @param reconcile the trail held to what the broker holds
 * @param shredding the keys of the payloads, and when they are destroyed
 */
@ConfigurationProperties("qorgau.audit")
public record AuditProperties(
        @DefaultValue Writer writer,
        @DefaultValue Verify verify,
        @DefaultValue Database database,
        @DefaultValue Checkpoints checkpoint,
        @DefaultValue Reconcile reconcile,
        @DefaultValue Shredding shredding,
        @DefaultValue Restore restore) {

    public AuditProperties {
        // A mirrored subject key must be gone from the mirror before its retention can destroy it (docs/adr/0032).
        Duration shortest = shredding.subjectRetention().compareTo(shredding.unreadableRetention()) < 0
                ? shredding.subjectRetention()
                : shredding.unreadableRetention();
        if (restore.mirrorRetention().compareTo(shortest) >= 0) {
            throw new IllegalArgumentException("qorgau.audit.restore.mirror-retention must be shorter than the"
                    + " shortest qorgau.audit.shredding retention, or a shredded key would outlive it in the mirror");
        }
    }

    /**
     * Restore from a backup (docs/adr/0032): every entry is mirrored, exactly as stored, to the log topic; a
     * database behind it is checked, brought up to it from there and held to every published checkpoint before
     * the writer appends.
     *
     * @param mirrorRetention how long the log topic keeps an entry: the oldest backup that can be restored
     * @param mirrorInterval how often the writer copies new entries to the log topic; checkpoints wait for it
     * @param verifyOnStart verify the whole database and every published checkpoint at each writer start, even
     *     when the log topic holds nothing the database lacks (the runbook's first start after a restore)
     * @param readTimeout how long reading the log or checkpoint topic may take before the start is refused
     */
    public record Restore(
            @DefaultValue("30d") Duration mirrorRetention,
            @DefaultValue("500ms") Duration mirrorInterval,
            @DefaultValue("false") boolean verifyOnStart,
            @DefaultValue("60s") Duration readTimeout) {

        public Restore {
            if (mirrorRetention.compareTo(Duration.ofSeconds(1)) < 0
                    || mirrorInterval.isNegative()
                    || mirrorInterval.isZero()
                    || readTimeout.isNegative()
                    || readTimeout.isZero()) {
                throw new IllegalArgumentException("qorgau.audit.restore durations must be positive");
            }
        }
    }

    /**
     * Crypto-shredding (docs/adr/0031): every payload is sealed under its subject's key, wrapped by a
     * key-encryption key from this ring (never the database); the key is destroyed when the subject's retention
     * ends, unless it is under a legal hold.
     *
     * @param activeKeyId the key-encryption key that wraps new subject keys
     * @param keys the ring: key id to base64 of 256 random bits (older keys still unwrap)
     * @param allowLocalDemoKeys {@code true} only for ./qorgau-local and tests: the public demo key when none
     *     is configured
     * @param subjectRetention how long after a subject's last payload its key is destroyed
     * @param unreadableRetention how long after an unreadable record's day its partition's key of that day is
     *     destroyed
     * @param retentionConfidence how sure we are that the periods are the law's: documents, changes nothing
     * @param interval how often the writer looks for keys whose retention ended
     * @param holdInterval how often the writer records placed and lifted legal holds in the trail
     */
    public record Shredding(
            @DefaultValue("") String activeKeyId,
            @Nullable Map<String, String> keys,
            @DefaultValue("false") boolean allowLocalDemoKeys,
            @DefaultValue("3650d") Duration subjectRetention,
            @DefaultValue("3650d") Duration unreadableRetention,
            @DefaultValue("UNVERIFIED") String retentionConfidence,
            @DefaultValue("1h") Duration interval,
            @DefaultValue("5s") Duration holdInterval) {

        public Shredding {
            keys = keys == null ? Map.of() : Map.copyOf(keys);
            if (notPositive(subjectRetention) || notPositive(unreadableRetention)) {
                throw new IllegalArgumentException("qorgau.audit.shredding retention periods must be positive");
            }
            if (notPositive(interval) || notPositive(holdInterval)) {
                throw new IllegalArgumentException("qorgau.audit.shredding intervals must be positive");
            }
        }

        private static boolean notPositive(Duration duration) {
            return duration.isNegative() || duration.isZero();
        }

        @Override
        public String toString() {
            // The keys never reach a log line.
            return "Shredding[activeKeyId=" + activeKeyId + ", keyIds=" + keys.keySet() + ", allowLocalDemoKeys="
                    + allowLocalDemoKeys + ", subjectRetention=" + subjectRetention + ", unreadableRetention="
                    + unreadableRetention + ", retentionConfidence=" + retentionConfidence + ", interval=" + interval
                    + ", holdInterval=" + holdInterval + "]";
        }
    }

    /** @param interval how often the writer compares, per topic and partition, the trail with the broker */
    public record Reconcile(@DefaultValue("5m") Duration interval) {

        public Reconcile {
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("qorgau.audit.reconcile.interval must be at least 1s");
            }
        }
    }

    /**
     * Signed checkpoints of the trail (docs/adr/0023). The signing key is configuration, never in the
     * database: {@code signing-key} (a C2SP note secret key, {@code PRIVATE+KEY+<name>+<key id>+<key>}) or
     * {@code signing-key-file} (a file holding one). Rotating it is configuring another: each checkpoint names
     * its key.
     *
     * @param origin the log's name, the first line of every checkpoint
     * @param interval a checkpoint is signed at least this often while the trail grows
     * @param size and as soon as this many entries came since the last one
     * @param signingKey the secret key itself (an environment variable, from a secret store)
     * @param signingKeyFile or a file holding it
     * @param allowLocalDemoKeys {@code true} only for ./qorgau-local and tests ({@code QORGAU_LOCAL_DEMO_KEYS}):
     *     without a key, the public demo key signs
     * @param selfCheckInterval how often each instance reads the newest checkpoint back from the topic and
     *     checks the database against it
     */
    public record Checkpoints(
            @DefaultValue("qorgau/audit-trail") String origin,
            @DefaultValue("1m") Duration interval,
            @DefaultValue("1000") long size,
            @DefaultValue("") String signingKey,
            @DefaultValue("") String signingKeyFile,
            @DefaultValue("false") boolean allowLocalDemoKeys,
            @DefaultValue("1m") Duration selfCheckInterval) {

        public Checkpoints {
            if (selfCheckInterval.isNegative() || selfCheckInterval.isZero()) {
                throw new IllegalArgumentException("qorgau.audit.checkpoint.self-check-interval must be positive");
            }
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("qorgau.audit.checkpoint.interval must be positive");
            }
            if (size < 1) {
                throw new IllegalArgumentException("qorgau.audit.checkpoint.size must be at least 1");
            }
            if (!signingKey.isBlank() && !signingKeyFile.isBlank()) {
                throw new IllegalArgumentException(
                        "Set qorgau.audit.checkpoint.signing-key or signing-key-file, not both");
            }
        }

        @Override
        public String toString() {
            // The key never reaches a log line.
            return "Checkpoints[origin=" + origin + ", interval=" + interval + ", size=" + size + ", signingKeyFile="
                    + signingKeyFile + ", allowLocalDemoKeys=" + allowLocalDemoKeys + ", selfCheckInterval="
                    + selfCheckInterval + "]";
        }
    }

    /**
     * @param checkInterval how often a standby tries to take the writer lock, and the writer checks
     *     that its lock session is still alive
     * @param lease how long the writer session may stay silent before PostgreSQL ends it, which
     *     releases the lock and rolls back an append in progress (docs/adr/0013-leader-sessions.md): its
     *     {@code idle_session_timeout}, {@code idle_in_transaction_session_timeout} and {@code
     *     tcp_user_timeout}, with TCP keepalives well inside it. A frozen or cut-off writer's lock passes
     *     to a standby within about {@code lease + check-interval}. At least three times the check
     *     interval, which is how often the writer uses its session when no event comes
     */
    public record Writer(@DefaultValue("1s") Duration checkInterval, @DefaultValue("15s") Duration lease) {

        public Writer {
            if (checkInterval.isNegative() || checkInterval.isZero()) {
                throw new IllegalArgumentException("qorgau.audit.writer.check-interval must be positive");
            }
            // The writer uses its session at least every check interval (docs/adr/0013, 0018).
            LeaderSessions.requireLease("qorgau.audit.writer.lease", lease, Map.of("check-interval", checkInterval));
        }

        /** The writer session's server-side settings: the kit's lease options ({@link LeaderSessions}). */
        public String serverOptions() {
            return LeaderSessions.serverOptions(lease);
        }
    }

    /**
     * @param chunkSize entries read per query while verifying
     * @param fullWait how long {@code verify?full=true} waits for the full verification before it answers with
     *     its progress (the job runs on regardless)
     */
    public record Verify(@DefaultValue("1000") int chunkSize, @DefaultValue("20s") Duration fullWait) {

        public Verify {
            if (chunkSize < 1 || chunkSize > 100_000) {
                throw new IllegalArgumentException("qorgau.audit.verify.chunk-size must be within 1..100000");
            }
            if (fullWait.isNegative() || fullWait.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("qorgau.audit.verify.full-wait must be within 0..5m");
            }
        }
    }

    /**
     * @param runtimeRole the role the service runs as, granted SELECT and INSERT by the migration;
     *     empty means {@code spring.datasource.username}
     * @param requireRestrictedRole refuse to start when the runtime role could change {@code
     *     audit_entry}
     */
    public record Database(@DefaultValue("") String runtimeRole, @DefaultValue("false") boolean requireRestrictedRole) {

        private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

        public Database {
            if (!runtimeRole.isEmpty() && !ROLE.matcher(runtimeRole).matches()) {
                throw new IllegalArgumentException(
                        "qorgau.audit.database.runtime-role must be a lower-case SQL identifier");
            }
        }

        /** Whether {@code role} is a name the migration can grant to safely. */
        static boolean isPlainRoleName(String role) {
            return role != null && ROLE.matcher(role).matches();
        }
    }
}
