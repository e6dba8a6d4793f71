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
     * @param producerProperties extra Kafka producer settings for the relay's producer; {@code acks=all},
     *     idempotence and the transactional id cannot be changed through them
     * @param lease how long the active relay's lock session may stay silent before PostgreSQL ends it and
     *     so releases the lock to a standby (docs/adr/0013-leader-sessions.md): its {@code
     *     idle_session_timeout}, {@code idle_in_transaction_session_timeout} and {@code tcp_user_timeout},
     *     with TCP keepalives well inside it. A frozen or cut-off active relay is replaced within about
     *     {@code lease + standby-interval}. At least three times the poll and standby intervals
     * @param transactionalId the Kafka {@code transactional.id} that every instance's relay shares (in the
     *     topic namespace): a new active relay's {@code initTransactions()} fences the producer of every
     *     earlier one, so a relay that lost its lock can never publish again. Must be the same on all
     *     instances of one deployment
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("1s") Duration standbyInterval,
            @DefaultValue("200") int batchSize,
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("30s") Duration sendTimeout,
            @DefaultValue Map<String, String> producerProperties,
            @DefaultValue("15s") Duration lease,
            @DefaultValue("order-service-outbox-relay") String transactionalId) {

        /** The lease cannot be shorter: PostgreSQL's TCP keepalive settings count whole seconds. */
        static final Duration MIN_LEASE = Duration.ofSeconds(3);

        public Relay {
            requirePositive("poll-interval", pollInterval);
            requirePositive("standby-interval", standbyInterval);
            if (lease.compareTo(MIN_LEASE) < 0) {
                throw new IllegalArgumentException(
                        "qorgau.outbox.relay.lease must be at least " + MIN_LEASE.toSeconds() + "s");
            }
            // The active relay touches its session at least every poll interval (and every third of the
            // lease while it waits for acknowledgements); a standby every standby interval.
            if (lease.compareTo(pollInterval.multipliedBy(3)) < 0
                    || lease.compareTo(standbyInterval.multipliedBy(3)) < 0) {
                throw new IllegalArgumentException("qorgau.outbox.relay.lease (" + lease
                        + ") must be at least three times poll-interval and standby-interval, or the active relay"
                        + " loses its lock while it merely waits");
            }
            if (transactionalId == null || transactionalId.isBlank()) {
                throw new IllegalArgumentException("qorgau.outbox.relay.transactional-id must not be empty");
            }
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

        /**
         * How long the active relay waits at most between two uses of its lock session while a round's
         * acknowledgements are outstanding: a third of the lease, so that a busy relay never looks idle.
         */
        public Duration leaseCheck() {
            return lease.dividedBy(3);
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
