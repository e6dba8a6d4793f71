package kz.qorgau.notification.acknowledgement;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.kit.metrics.LatencyBuckets;
import org.springframework.stereotype.Component;

/** Acknowledgements and escalations (docs/adr/0024); tags channel and recipient role only, never an address. */
@Component
class AcknowledgementMetrics {

    /** Counter: notices acknowledged through their link; tags channel, recipient.role. */
    static final String ACKNOWLEDGED = "qorgau.notices.acknowledged";
    /** Counter: urgent notices escalated to the supervisor, unacknowledged; tags channel, recipient.role. */
    static final String ESCALATED = "qorgau.notices.escalated";
    /** Counter: unacknowledged urgent notices sent again; tags channel, recipient.role. */
    static final String RESENT = "qorgau.notices.resent";
    /** Timer with SLO buckets: from the notice recorded to its acknowledgement. */
    static final String ACKNOWLEDGEMENT_TIME = "qorgau.notices.acknowledgement";

    private final MeterRegistry meters;

    AcknowledgementMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void acknowledged(String channel, String role, String eventType, Duration sinceRecorded) {
        count(ACKNOWLEDGED, "Notices acknowledged through their link", channel, role);
        if (!sinceRecorded.isNegative()) {
            Timer.builder(ACKNOWLEDGEMENT_TIME)
                    .description("From a police notice recorded to its acknowledgement")
                    .tag("channel", channel)
                    .tag("recipient.role", role)
                    // The catalogue's types only ("other" for any else): a violation's time stands apart.
                    .tag("event.type", EventTypes.metricTag(eventType))
                    // A person's response times, in the kit's buckets for them: what an escalation after 10
                    // minutes is measured against.
                    .serviceLevelObjectives(LatencyBuckets.humanResponse())
                    .register(meters)
                    .record(sinceRecorded);
        }
    }

    void escalated(String channel, String role) {
        count(ESCALATED, "Urgent notices escalated to the district's supervisor, unacknowledged", channel, role);
    }

    void resent(String channel, String role) {
        count(RESENT, "Unacknowledged urgent notices sent again", channel, role);
    }

    private void count(String name, String description, String channel, String role) {
        Counter.builder(name)
                .description(description)
                .tag("channel", channel)
                .tag("recipient.role", role)
                .register(meters)
                .increment();
    }
}
