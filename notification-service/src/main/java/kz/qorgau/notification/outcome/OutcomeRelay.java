package kz.qorgau.notification.outcome;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes outbox rows that nobody published: the listener publishes its own rows right after the
 * commit, but a crash or a Kafka outage in between leaves them behind, and the record that made them
 * may already be committed (or dead-lettered). Runs one grace period after start-up, then every
 * relay interval; the delays repeat {@link OutcomeProperties}' defaults because annotations need
 * placeholders.
 */
@Component
class OutcomeRelay {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRelay.class);

    private final OutcomePublisher publisher;

    OutcomeRelay(OutcomePublisher publisher) {
        this.publisher = publisher;
    }

    @Scheduled(
            initialDelayString = "${qorgau.notification.outcomes.relay-grace:10s}",
            fixedDelayString = "${qorgau.notification.outcomes.relay-interval:30s}")
    void publishOverdue() {
        for (String orderId : publisher.ordersWithOverdueEvents()) {
            try {
                int published = publisher.publishPending(orderId);
                if (published > 0) {
                    log.warn("Published {} overdue notification event(s) of order {}", published, orderId);
                }
            } catch (RuntimeException e) {
                // Next round; the rows stay in the outbox.
                log.warn(
                        "Could not publish overdue events of order {}: {}",
                        orderId,
                        e.getClass().getSimpleName());
            }
        }
    }
}
