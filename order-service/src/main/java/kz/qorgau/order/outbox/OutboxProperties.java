package kz.qorgau.order.outbox;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qorgau.outbox.*}: the outbox and its relay (docs/adr/0007-outbox-relay.md).
 *
 * @param retention how long published rows are kept (for operators) before housekeeping deletes them
 * @param purgeInterval how often housekeeping runs
 * @param relay the relay that publishes the rows
 */
@ConfigurationProperties("qorgau.outbox")
public record OutboxProperties(
        @DefaultValue("7d") Duration retention, @DefaultValue("1h") Duration purgeInterval, @DefaultValue Relay relay) {

    /**
     * @param enabled whether this instance runs a relay at all (one of the instances is active at a time)
     * @param pollInterval how long the active relay waits for a commit notification before it looks anyway
     * @param standbyInterval how often a standby relay tries to become the active one
     * @param batchSize at most this many events (each the next of a different order) per round
     * @param initialBackoff wait after an order's first failed publish; doubles with each failure
     * @param maxBackoff the longest wait between attempts for one order
     * @param sendTimeout how long one publish may take until it counts as failed (the producer's
     *     {@code delivery.timeout.ms})
     * @param producerProperties extra Kafka producer settings for the relay's producer; {@code acks=all}
     *     and idempotence cannot be switched off
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("1s") Duration standbyInterval,
            @DefaultValue("200") int batchSize,
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("30s") Duration sendTimeout,
            @DefaultValue Map<String, String> producerProperties) {

        public Relay {
            requirePositive("poll-interval", pollInterval);
            requirePositive("standby-interval", standbyInterval);
            requirePositive("initial-backoff", initialBackoff);
            requirePositive("max-backoff", maxBackoff);
            if (sendTimeout.compareTo(Duration.ofSeconds(2)) < 0) {
                throw new IllegalArgumentException("qorgau.outbox.relay.send-timeout must be at least 2s");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("qorgau.outbox.relay.batch-size must be at least 1");
            }
            producerProperties = Map.copyOf(producerProperties);
        }

        /** The wait before attempt {@code attempts + 1}: initial × 2^(attempts-1), at most the maximum. */
        public Duration backoffAfter(int attempts) {
            int doublings = Math.max(0, Math.min(attempts - 1, 30));
            Duration backoff = initialBackoff.multipliedBy(1L << doublings);
            return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
        }

        private static void requirePositive(String name, Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("qorgau.outbox.relay." + name + " must be positive");
            }
        }
    }
}
