package kz.qorgau.kit.parking;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;
import kz.qorgau.kit.metrics.MetricNames;

/**
 * Parked keys, parked records and the age of the oldest, read from the table at each scrape (every
 * instance reports the same, the table's). A scrape while the database is away reports NaN.
 */
public final class ParkingMetrics implements MeterBinder {

    private final ParkingLot lot;
    private final Clock clock;

    public ParkingMetrics(ParkingLot lot, Clock clock) {
        this.lot = lot;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(MetricNames.PARKING_KEYS, this, read(summary -> summary.keys()))
                .description("Sequence keys parked behind a dead-lettered head")
                .register(registry);
        Gauge.builder(MetricNames.PARKING_RECORDS, this, read(summary -> summary.records()))
                .description("Records parked, heads included")
                .register(registry);
        Gauge.builder(MetricNames.PARKING_OLDEST_AGE, this, read(this::oldestAge))
                .description("How long the oldest parked record has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    private double oldestAge(ParkingLot.Summary summary) {
        if (summary.oldest() == null) {
            return 0;
        }
        return Duration.between(summary.oldest().toInstant(), Instant.now(clock))
                        .toMillis()
                / 1000.0;
    }

    private ToDoubleFunction<ParkingMetrics> read(ToDoubleFunction<ParkingLot.Summary> value) {
        return metrics -> {
            try {
                return value.applyAsDouble(lot.summary());
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        };
    }
}
