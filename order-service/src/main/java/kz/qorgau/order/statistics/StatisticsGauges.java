package kz.qorgau.order.statistics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import kz.qorgau.order.law.LawProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Prometheus gauges of the statistics for operators' dashboards, {@code qorgau_statistics_<measure>{region,
 * month}} for the last 13 months: bounded labels (the configured regions and "other", 13 months), every
 * series present from start at 0. Each instance recomputes its own from the database every few minutes; a
 * month that leaves the window is removed. Never the source of a published figure: those come from
 * {@code GET /api/v1/statistics}, which hides small counts.
 */
@Component
class StatisticsGauges {

    static final int MONTHS = 13;
    private static final Logger log = LoggerFactory.getLogger(StatisticsGauges.class);

    private record Key(Measure measure, String region, YearMonth month) {}

    private final Statistics statistics;
    private final StatisticsProperties properties;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<Key, Registered> gauges = new ConcurrentHashMap<>();

    private record Registered(Gauge gauge, AtomicReference<Double> value) {}

    StatisticsGauges(
            Statistics statistics,
            StatisticsProperties properties,
            MeterRegistry registry,
            Clock clock,
            LawProperties law) {
        this.statistics = statistics;
        this.properties = properties;
        this.registry = registry;
        this.clock = clock;
        this.zone = law.zone();
        publish(Map.of());
    }

    @Scheduled(
            initialDelayString = "${qorgau.statistics.gauge-initial-delay:PT15S}",
            fixedDelayString = "${qorgau.statistics.gauge-refresh:PT5M}")
    void refresh() {
        YearMonth now = YearMonth.now(clock.withZone(zone));
        try {
            Map<Key, Double> values = new HashMap<>();
            for (Statistics.Cell cell : statistics.cells(now.minusMonths(MONTHS - 1), now)) {
                values.put(
                        new Key(cell.measure(), cell.region(), cell.month()),
                        cell.measure().isTiming() ? cell.medianHours() : (double) cell.count());
            }
            publish(values);
        } catch (RuntimeException e) {
            // The gauges keep their last values; the next run tries again.
            log.warn("Statistics gauges not refreshed: {}", e.toString());
        }
    }

    /** Sets every gauge of the window (0 where nothing was counted) and removes those of months gone by. */
    private synchronized void publish(Map<Key, Double> values) {
        YearMonth now = YearMonth.now(clock.withZone(zone));
        List<YearMonth> window = java.util.stream.IntStream.range(0, MONTHS)
                .mapToObj(now::minusMonths)
                .toList();
        for (Measure measure : Measure.values()) {
            for (String region : properties.regionNames()) {
                for (YearMonth month : window) {
                    Key key = new Key(measure, region, month);
                    Double value = values.get(key);
                    gauges.computeIfAbsent(key, this::register).value().set(value == null ? 0.0 : value);
                }
            }
        }
        gauges.keySet().removeIf(key -> {
            if (window.contains(key.month())) {
                return false;
            }
            registry.remove(gauges.get(key).gauge());
            return true;
        });
    }

    private Registered register(Key key) {
        AtomicReference<Double> value = new AtomicReference<>(0.0);
        Gauge gauge = Gauge.builder(key.measure().gaugeName(), value, AtomicReference::get)
                .description(key.measure().base() + " (" + key.measure().unit() + "); for dashboards, never published")
                .tag("region", key.region())
                .tag("month", key.month().toString())
                .strongReference(true)
                .register(registry);
        return new Registered(gauge, value);
    }
}
