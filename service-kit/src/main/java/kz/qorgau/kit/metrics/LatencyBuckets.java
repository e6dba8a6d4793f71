package kz.qorgau.kit.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.Set;

/**
 * Histogram buckets for the latencies the dashboards and SLOs read: HTTP requests and outbox
 * publications. A fixed, short list (nine buckets with +Inf), so that percentiles can be computed
 * across instances in Prometheus while the series stay bounded; other timers keep count, sum and max.
 */
public final class LatencyBuckets implements MeterFilter {

    /** Boot's HTTP server timer, and the kit's publish timer. */
    static final Set<String> TIMERS = Set.of("http.server.requests", MetricNames.OUTBOX_PUBLISH);

    /** Upper bounds, in seconds as Prometheus shows them: 0.025 … 5. */
    static final double[] BOUNDS_NANOS = nanos(
            Duration.ofMillis(25),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofMillis(2500),
            Duration.ofSeconds(5));

    /**
     * Upper bounds for the times a person takes to respond (a police officer acknowledging an alert), which the
     * request buckets above cannot tell apart: 1 min … 12 h. A timer of such a latency passes them to {@code
     * serviceLevelObjectives}, so every service's response-time histogram has the same buckets.
     */
    public static Duration[] humanResponse() {
        return new Duration[] {
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            Duration.ofMinutes(15),
            Duration.ofMinutes(30),
            Duration.ofHours(1),
            Duration.ofHours(4),
            Duration.ofHours(12)
        };
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !TIMERS.contains(id.getName())) {
            return config;
        }
        return DistributionStatisticConfig.builder()
                .serviceLevelObjectives(BOUNDS_NANOS)
                .build()
                .merge(config);
    }

    private static double[] nanos(Duration... bounds) {
        double[] nanos = new double[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            nanos[i] = bounds[i].toNanos();
        }
        return nanos;
    }
}
