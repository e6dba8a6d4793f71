package kz.qorgau.audit.checkpoint;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How long the oldest entry no signed checkpoint covers has waited: the gauge
 * {@code audit.checkpoint.uncovered.age} (seconds, 0 when the newest checkpoint covers the whole trail), which
 * the alert QorgauAuditCheckpointStale watches. A trail that does not grow needs no new checkpoint, so the
 * age of the newest checkpoint alone would wake someone for nothing on a quiet night; an entry that waits
 * past a few signing intervals is one no witness can vouch for yet. Every instance reads it from the
 * database, so the alert does not depend on which instance writes.
 */
@Component
class CheckpointCoverage extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(CheckpointCoverage.class);
    private static final Duration TICK = Duration.ofSeconds(15);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong uncoveredSeconds = new AtomicLong();

    @Autowired
    CheckpointCoverage(JdbcClient jdbc, MeterRegistry meters) {
        this(jdbc, meters, Clock.systemUTC());
    }

    CheckpointCoverage(JdbcClient jdbc, MeterRegistry meters, Clock clock) {
        super("audit-checkpoint-coverage", TICK);
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("audit.checkpoint.uncovered.age", uncoveredSeconds, AtomicLong::get)
                .description("How long the oldest entry that no signed checkpoint covers has waited; 0 when none")
                .baseUnit("seconds")
                .register(meters);
    }

    /** Reads the age once and returns it. */
    Duration measure() {
        // A checkpoint of size n covers the entries numbered 1 to n: the first uncovered one is n + 1.
        Optional<Instant> oldestUncovered = jdbc.sql(
                        """
                        SELECT recorded_at FROM audit_entry
                        WHERE sequence = (SELECT COALESCE(MAX(tree_size), 0) + 1 FROM audit_checkpoint)
                        """)
                .query(Instant.class)
                .optional();
        Duration age = oldestUncovered
                .map(recorded -> Duration.between(recorded, clock.instant()))
                .filter(waited -> !waited.isNegative())
                .orElse(Duration.ZERO);
        uncoveredSeconds.set(age.toSeconds());
        return age;
    }

    @Override
    protected void tick() {
        try {
            measure();
        } catch (RuntimeException e) {
            log.warn("Could not measure what the checkpoints cover; retrying: {}", e.toString());
        }
    }
}
