package kz.qorgau.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import kz.qorgau.kit.metrics.MetricNames;

/**
 * The relay's meters. Tags are event types, outcomes and exception class names only: never a subject
 * (an order id, say) or anything about a person.
 */
final class OutboxMetrics {

    private final MeterRegistry registry;
    private final AtomicReference<OutboxStore.Backlog> backlog = new AtomicReference<>(new OutboxStore.Backlog(0, 0));
    private final AtomicInteger leader = new AtomicInteger();

    OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(MetricNames.OUTBOX_BACKLOG, backlog, value -> value.get().size())
                .description("Outbox events not yet published to Kafka")
                .baseUnit("events")
                .register(registry);
        Gauge.builder(MetricNames.OUTBOX_OLDEST_UNPUBLISHED_AGE, backlog, value -> value.get()
                        .oldestAgeSeconds())
                .description("Age of the oldest outbox event not yet published (0 when none)")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder(MetricNames.OUTBOX_RELAY_LEADER, leader, AtomicInteger::get)
                .description("1 while this instance's outbox relay is the active one, else 0")
                .register(registry);
    }

    void backlog(OutboxStore.Backlog current) {
        backlog.set(current);
    }

    void leader(boolean active) {
        leader.set(active ? 1 : 0);
    }

    void published(String type, Duration took) {
        timer(type, "published").record(took);
    }

    void failed(String type, Duration took, Throwable cause) {
        timer(type, "failed").record(took);
        Counter.builder(MetricNames.OUTBOX_PUBLISH_FAILURES)
                .description("Failed attempts to publish an outbox event (the event is retried)")
                .tag("type", type)
                .tag("exception", cause.getClass().getSimpleName())
                .register(registry)
                .increment();
    }

    private Timer timer(String type, String outcome) {
        return Timer.builder(MetricNames.OUTBOX_PUBLISH)
                .description("Publishing one outbox event until the broker acknowledged it (or it failed)")
                .tag("type", type)
                .tag("outcome", outcome)
                .register(registry);
    }
}
