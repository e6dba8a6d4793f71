package kz.qorgau.order.writelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import kz.qorgau.order.security.AccessProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-person rates, as Bucket4j token buckets kept in PostgreSQL ({@code access_rate_bucket}, row-locked
 * with SELECT ... FOR UPDATE) so that a limit holds across every instance of the service.
 *
 * <p>A bucket takes a pooled connection of its own. Writes take theirs before the operation's
 * transaction begins (the write limit is checked first). Person checks are only counted here in memory
 * and their buckets updated in the background ({@link #countPersonChecks}): a person check holds one
 * connection, never waits for a second or for another check's row lock, so no number of concurrent checks
 * can exhaust the pool.
 */
@Component
public class WriteLimits {

    public static final String UNUSUAL_PERSON_CHECKS_METRIC = "qorgau.person_checks.unusual_volume";

    private static final Logger log = LoggerFactory.getLogger(WriteLimits.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Supplier<BucketConfiguration> writes;
    private final Supplier<BucketConfiguration> personChecks;
    private final Counter unusualPersonChecks;
    /** Person checks not yet counted in their buckets, per subject. */
    private final Map<String, Long> uncountedPersonChecks = new ConcurrentHashMap<>();

    WriteLimits(DataSource dataSource, AccessProperties properties, MeterRegistry meters) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("access_rate_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        BucketConfiguration writeConfiguration = configuration(properties.writeLimit());
        BucketConfiguration checkConfiguration = configuration(properties.personCheckWatch());
        this.writes = () -> writeConfiguration;
        this.personChecks = () -> checkConfiguration;
        this.unusualPersonChecks = Counter.builder(UNUSUAL_PERSON_CHECKS_METRIC)
                .description("Person checks beyond the usual volume of one member of staff (never refused)")
                .register(meters);
    }

    /** Takes one write from {@code subject}'s allowance; empty when it is spent, with the wait. */
    public Decision tryWrite(String subject) {
        ConsumptionProbe probe =
                buckets.builder().build("write:" + subject, writes).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? Decision.ALLOWED
                : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * Notes a person check, in memory only: it never waits for the database, and never refuses. The
     * background count ({@link #countPersonChecks}) raises {@value #UNUSUAL_PERSON_CHECKS_METRIC}
     * (alerted on) beyond the usual volume and logs the pseudonymous subject for the supervisor.
     */
    public void notePersonCheck(String subject) {
        uncountedPersonChecks.merge(subject, 1L, Long::sum);
    }

    /** Takes the checks noted since the last run from each person's bucket; what does not fit is unusual. */
    @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT1S")
    void countPersonChecks() {
        for (String subject : uncountedPersonChecks.keySet()) {
            Long checks = uncountedPersonChecks.remove(subject);
            if (checks == null) {
                continue;
            }
            try {
                long usual = buckets.builder()
                        .build("person-check:" + subject, personChecks)
                        .tryConsumeAsMuchAsPossible(checks);
                if (usual < checks) {
                    unusualPersonChecks.increment(checks - usual);
                    log.warn("Unusual volume of person checks by {}", subject);
                }
            } catch (RuntimeException e) {
                // Counted at the next run; the checks themselves were answered long ago.
                uncountedPersonChecks.merge(subject, checks, Long::sum);
                log.warn("Could not count person checks: {}", e.toString());
                return;
            }
        }
    }

    @PreDestroy
    void countLastPersonChecks() {
        countPersonChecks();
    }

    /** Drops buckets that are full again (nothing to remember), so the table stays small. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void removeFullBuckets() {
        int removed;
        do {
            removed = buckets.removeExpired(500);
        } while (removed == 500);
    }

    /** @param retryAfter how long until one more write is allowed; zero when allowed */
    public record Decision(boolean allowed, Duration retryAfter) {
        static final Decision ALLOWED = new Decision(true, Duration.ZERO);
    }

    private static BucketConfiguration configuration(AccessProperties.Rate rate) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(rate.capacity()).refillGreedy(rate.capacity(), rate.period()))
                .build();
    }
}
