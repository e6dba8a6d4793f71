package kz.qorgau.kit.outbox;

import java.time.Duration;
import java.util.Map;
import kz.qorgau.kit.leader.LeaderSessions;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qorgau.outbox.*}: the kit's transactional outbox and its relay (docs/adr/0007-outbox-relay.md,
 * docs/adr/0018-kit-outbox-and-leader.md).
 *
 * @param enabled whether the service has an outbox at all (its table, {@link Outbox} and the relay); a
 *     service that publishes events turns it on in its application.yml
 * @param retention how long published rows are kept (for operators) before housekeeping deletes them
 * @param purgeInterval how often housekeeping runs
 * @param relay the relay that publishes the rows
 */
@ConfigurationProperties("qorgau.outbox")
public record OutboxProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue Relay relay) {

    /**
     * @param enabled whether this instance runs a relay at all (one of the instances is active at a time)
     * @param pollInterval how long the active relay waits for a commit notification before it looks anyway
     * @param standbyInterval how often a standby relay tries to become the active one
     * @param batchSize at most this many events per round: the oldest waiting, several of a subject in its sequence
     * @param initialBackoff wait after a subject's first failed publish; doubles with each failure
     * @param maxBackoff the longest wait between attempts for one subject
     * @param sendTimeout how long one publish may take until it counts as failed (the producer's
     *     {@code delivery.timeout.ms})
     * @param producerProperties extra Kafka producer settings for the relay's producer; {@code acks=all},
     *     idempotence and the transactional id cannot be changed through them
     * @param lease how long the active relay's lock session may stay silent before PostgreSQL ends it and
     *     so releases the lock to a standby (docs/adr/0013-leader-sessions.md). A frozen or cut-off active
     *     relay is replaced within about {@code lease + standby-interval}. At least three times the poll and
     *     standby intervals
     * @param transactionalId the Kafka {@code transactional.id} that every instance's relay shares (in the
     *     topic namespace): a new active relay's {@code initTransactions()} fences the producer of every
     *     earlier one. Must be the same on all instances of one deployment; empty means {@code
     *     <spring.application.name>-outbox-relay}
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
            @DefaultValue("") String transactionalId) {

        public Relay {
            requirePositive("poll-interval", pollInterval);
            requirePositive("standby-interval", standbyInterval);
            // The active relay touches its session at least every poll interval (and every third of the
            // lease while it waits for acknowledgements); a standby every standby interval.
            LeaderSessions.requireLease(
                    "qorgau.outbox.relay.lease",
                    lease,
                    Map.of("poll-interval", pollInterval, "standby-interval", standbyInterval));
            requirePositive("initial-backoff", initialBackoff);
            requirePositive("max-backoff", maxBackoff);
            if (sendTimeout.compareTo(Duration.ofSeconds(2)) < 0) {
                throw new IllegalArgumentException("qorgau.outbox.relay.send-timeout must be at least 2s");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("qorgau.outbox.relay.batch-size must be at least 1");
            }
            producerProperties = Map.copyOf(producerProperties);
            transactionalId = transactionalId == null ? "" : transactionalId.strip();
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

        /** The transactional id in a topic namespace (tests share a broker, each in its own namespace). */
        public String transactionalIdIn(String namespace, String applicationName) {
            String id = transactionalId.isEmpty() ? applicationName + "-outbox-relay" : transactionalId;
            return namespace.isEmpty() ? id : namespace + "." + id;
        }

        private static void requirePositive(String name, Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("qorgau.outbox.relay." + name + " must be positive");
            }
        }
    }
}
