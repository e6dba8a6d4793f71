package kz.qorgau.order.access;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-person rates, as Bucket4j token buckets kept in PostgreSQL ({@code access_rate_bucket}, row-locked
 * with SELECT ... FOR UPDATE) so that a limit holds across every instance of the service.
 */
@Component
public class WriteLimits {

    public static final String UNUSUAL_PERSON_CHECKS_METRIC = "qorgau.person_checks.unusual_volume";

    private static final Logger log = LoggerFactory.getLogger(WriteLimits.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Supplier<BucketConfiguration> writes;
    private final Supplier<BucketConfiguration> personChecks;
    private final Counter unusualPersonChecks;

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
     * Counts a person check. Never refuses: beyond the usual volume it raises {@value
     * #UNUSUAL_PERSON_CHECKS_METRIC} (alerted on) and logs the pseudonymous subject for the supervisor.
     */
    public void notePersonCheck(String subject) {
        try {
            boolean usual = buckets.builder()
                    .build("person-check:" + subject, personChecks)
                    .tryConsume(1);
            if (!usual) {
                unusualPersonChecks.increment();
                log.warn("Unusual volume of person checks by {}", subject);
            }
        } catch (RuntimeException e) {
            // The check itself must still be answered.
            log.warn("Could not count a person check: {}", e.toString());
        }
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
