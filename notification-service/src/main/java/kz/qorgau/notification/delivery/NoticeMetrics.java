package kz.qorgau.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.notification.notice.Recipient;

/**
 * The delivery engine's metrics. Tags are bounded: channel, recipient role, outcome and reason codes; never
 * an address.
 */
class NoticeMetrics {

    /** Counter: notices a channel took; tags channel, recipient.role. */
    static final String SENT = "qorgau.notices.sent";
    /** Counter: notices given up (FAILED); tags channel, recipient.role, reason. Alert-worthy. */
    static final String FAILED = "qorgau.notices.failed";
    /** Counter: attempts by outcome (sent, retry, failed); tags channel, outcome. */
    static final String ATTEMPTS = "qorgau.notices.attempts";
    /**
     * Timer with SLO buckets: from the causing event's time to the notice handed to its channel; tags channel,
     * recipient.role and event.type (the catalogue's types, "other" for any else), so a violation's time to notify
     * stands apart.
     */
    static final String HANDED = "qorgau.notices.handed";
    /** Gauge: PENDING notices (every instance sees the same table). */
    static final String PENDING = "qorgau.notices.pending";
    /** Gauge, seconds: how long the oldest PENDING notice has waited; 0 when none waits. */
    static final String OLDEST_PENDING_AGE = "qorgau.notices.oldest.pending.age";
    /** Gauge: 1 while a channel's circuit breaker holds its notices back; tag channel. */
    static final String CHANNEL_OPEN = "qorgau.notices.channel.open";
    /** Counter: notices cancelled before an attempt, made untrue by a later event; tags channel, recipient.role, reason. */
    static final String SUPERSEDED = "qorgau.notices.superseded";
    /** Counter: notices given up whose supervisor could not be told on any channel; tag channel. */
    static final String SUPERVISOR_UNREACHABLE = "qorgau.notices.supervisor.unreachable";

    static final String CHANNEL = "channel";
    static final String ROLE = "recipient.role";
    static final String OUTCOME = "outcome";
    static final String EVENT_TYPE = "event.type";
    static final String REASON = "reason";

    private final MeterRegistry meters;

    NoticeMetrics(MeterRegistry meters, NoticeQueue queue, Clock clock) {
        this.meters = meters;
        Gauge.builder(PENDING, queue, NoticeQueue::pending)
                .description("Notices not yet sent nor given up")
                .register(meters);
        Gauge.builder(OLDEST_PENDING_AGE, queue, q -> {
                    OffsetDateTime oldest = q.oldestPending();
                    return oldest == null
                            ? 0
                            : Math.max(
                                    0,
                                    Duration.between(oldest.toInstant(), clock.instant())
                                                    .toMillis()
                                            / 1000.0);
                })
                .description("How long the oldest notice not yet sent nor given up has waited")
                .baseUnit("seconds")
                .register(meters);
    }

    void sent(Recipient recipient, String eventType, Duration sinceEvent) {
        Counter.builder(SENT)
                .description("Notices a channel accepted")
                .tag(CHANNEL, recipient.channel().name())
                .tag(ROLE, recipient.role())
                .register(meters)
                .increment();
        attempt(recipient, "sent");
        if (sinceEvent != null && !sinceEvent.isNegative()) {
            Timer.builder(HANDED)
                    .description("From the event's commit to its notice handed to the channel")
                    .tag(CHANNEL, recipient.channel().name())
                    .tag(ROLE, recipient.role())
                    .tag(EVENT_TYPE, EventTypes.metricTag(eventType))
                    .serviceLevelObjectives(
                            Duration.ofMillis(10),
                            Duration.ofMillis(25),
                            Duration.ofMillis(50),
                            Duration.ofMillis(100),
                            Duration.ofMillis(250),
                            Duration.ofMillis(500),
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(30),
                            Duration.ofMinutes(5))
                    .register(meters)
                    .record(sinceEvent);
        }
    }

    void superseded(Recipient recipient, String reason) {
        Counter.builder(SUPERSEDED)
                .description("Notices cancelled before an attempt: a later event of the order made them untrue")
                .tag(CHANNEL, recipient.channel().name())
                .tag(ROLE, recipient.role())
                .tag(REASON, reason)
                .register(meters)
                .increment();
    }

    void retry(Recipient recipient) {
        attempt(recipient, "retry");
    }

    void failed(Recipient recipient, String reason) {
        Counter.builder(FAILED)
                .description("Notices given up: deadline passed or refused for good")
                .tag(CHANNEL, recipient.channel().name())
                .tag(ROLE, recipient.role())
                .tag(REASON, reason)
                .register(meters)
                .increment();
        attempt(recipient, "failed");
    }

    private void attempt(Recipient recipient, String outcome) {
        Counter.builder(ATTEMPTS)
                .description("Delivery attempts by outcome")
                .tag(CHANNEL, recipient.channel().name())
                .tag(OUTCOME, outcome)
                .register(meters)
                .increment();
    }
}
