package kz.qorgau.kit.outbox;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.qorgau.kit.leader.LeaderLock;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the outbox to Kafka (docs/adr/0007-outbox-relay.md, docs/adr/0018-kit-outbox-and-leader.md).
 *
 * <p>Every instance runs one relay thread; only the one holding the advisory lock ({@link RelayLeadership})
 * publishes, the others stand by and try again every {@code standby-interval}. The active relay works in
 * rounds: it takes the waiting events, oldest first, several of a subject in its sequence order ({@link
 * OutboxStore#publishable}), sends them all, waits for each acknowledgement and marks the acknowledged ones
 * published. A subject whose event failed waits out a backoff and nothing after that event goes before it;
 * other subjects carry on. Between rounds it sleeps until a commit notification (LISTEN/NOTIFY) or the poll
 * interval.
 *
 * <p>Each round is one Kafka transaction of the transactional id all instances share; each term as the
 * active relay starts by fencing the producers of earlier terms (docs/adr/0013-leader-sessions.md). So a
 * relay that was frozen, lost its lock and resumes cannot send what it read before: its records are
 * refused or aborted, and consumers read committed records only. Rows are marked published only after
 * the commit.
 *
 * <p>Delivery is at least once: a crash after the commit and before the row is marked publishes the
 * event again, right after the first copy (the subject's next event waits for the mark); consumers drop the
 * duplicate by its event id.
 */
public class OutboxRelay implements SmartLifecycle {

    /**
     * The relay's advisory lock ("qorg", "outb" in ASCII). Advisory locks are per database, and each service
     * has its own database, so only the service's own instances compete for it.
     */
    public static final LeaderLock LOCK = new LeaderLock(0x716f7267, 0x6f757462);

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Acknowledgements come within the producer's delivery timeout; this is only a safety margin. */
    private static final Duration ACK_MARGIN = Duration.ofSeconds(5);

    /** How stale the backlog gauges may be while the relay is busy; Prometheus scrapes far less often. */
    static final Duration BACKLOG_REFRESH = Duration.ofSeconds(1);

    private final RelayLeadership leadership;
    private final OutboxStore store;
    private final OutboxPublisher publisher;
    private final OutboxMetrics metrics;
    private final OutboxProperties.Relay settings;
    private final OutboxHousekeeping housekeeping;

    private volatile boolean running;
    private long backlogCountedAt = System.nanoTime() - BACKLOG_REFRESH.toNanos();
    private volatile Thread thread;

    OutboxRelay(
            RelayLeadership leadership,
            OutboxStore store,
            OutboxPublisher publisher,
            OutboxMetrics metrics,
            OutboxProperties.Relay settings,
            OutboxHousekeeping housekeeping) {
        this.leadership = leadership;
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
        this.settings = settings;
        this.housekeeping = housekeeping;
    }

    /** Whether this instance's relay is the active one right now. */
    public boolean isActive() {
        return running && leadership.isLeader();
    }

    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread relay = new Thread(this::run, "outbox-relay");
        relay.setDaemon(true);
        thread = relay;
        relay.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread relay = thread;
        if (relay == null) {
            return;
        }
        try {
            // The loop checks `running` at least every poll interval; a round in flight finishes first.
            relay.join(settings.pollInterval().plus(settings.sendTimeout()).toMillis());
            if (relay.isAlive()) {
                relay.interrupt();
                relay.join(ACK_MARGIN.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server: stopped after it too, so requests in flight still reach the outbox. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void run() {
        try {
            while (running && !Thread.currentThread().isInterrupted()) {
                try {
                    if (!leadership.isLeader()) {
                        standBy();
                        continue;
                    }
                    leadership.verify();
                    int published = publishRound();
                    // Between rounds, busy or not: under constant load a relay never goes idle.
                    housekeeping.purgeIfDue();
                    if (published == 0 && running) {
                        leadership.awaitCommit(settings.pollInterval());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    if (running) {
                        // Database trouble (the session or the pool): step down, another instance may do better.
                        log.warn(
                                "Outbox relay round failed, retrying in {}: {}",
                                settings.standbyInterval(),
                                e.toString());
                        log.debug("Outbox relay round failure", e);
                        resign();
                        pause(settings.standbyInterval());
                    }
                }
            }
        } finally {
            resign();
        }
    }

    private void standBy() throws SQLException {
        if (leadership.tryAcquire()) {
            // Before anything is read or sent: fences every earlier active relay's producer.
            publisher.open();
            metrics.leader(true);
            log.info("Outbox relay active on this instance");
            return;
        }
        metrics.backlog(store.backlog());
        pause(settings.standbyInterval());
    }

    /**
     * Publishes the waiting events, in one transaction; returns how many went out. A subject's run goes in
     * one round (docs/adr/0044): one transaction per event of an order was most of the broker's and the relay's
     * work at a steady load.
     *
     * @throws SQLException when the lock session is gone (another instance may be active by now)
     * @throws KafkaException when the producer was fenced or its transaction could
     *     be neither committed nor aborted
     */
    int publishRound() throws InterruptedException, SQLException {
        List<OutboxRow> waiting = store.publishable(settings.batchSize());
        if (waiting.isEmpty()) {
            refreshBacklog(true);
            return 0;
        }
        publisher.begin();
        List<InFlight> inFlight = new ArrayList<>(waiting.size());
        Set<String> refused = new HashSet<>();
        for (OutboxRow row : waiting) {
            if (refused.contains(row.subject())) {
                // An earlier event of the subject was refused at once: this one must not overtake it.
                continue;
            }
            InFlight sent = new InFlight(row, System.nanoTime(), publisher.send(row));
            inFlight.add(sent);
            if (brokerUnreachable(sent.result())) {
                // Each further send would block for metadata too; the rest wait for the next round, untouched.
                break;
            }
            if (sent.result().isCompletedExceptionally()) {
                refused.add(row.subject());
            }
        }
        // The round's sends go now, in as few requests as they fit: waiting out the producer's linger was
        // 5 ms of every event's way to its consumers.
        publisher.flush();
        long deadline =
                System.nanoTime() + settings.sendTimeout().plus(ACK_MARGIN).toNanos();
        List<OutboxStore.Published> acknowledged = new ArrayList<>();
        List<InFlight> acknowledgedSends = new ArrayList<>();
        Set<String> failedSubjects = new HashSet<>();
        boolean overtaken = false;
        for (InFlight sent : inFlight) {
            String subject = sent.row().subject();
            try {
                RecordMetadata metadata = awaitAcknowledgement(sent.result(), deadline);
                acknowledged.add(
                        new OutboxStore.Published(sent.row().eventId(), metadata.partition(), metadata.offset()));
                acknowledgedSends.add(sent);
                // Acknowledged after an earlier event of its subject failed: committing would publish it first.
                overtaken |= failedSubjects.contains(subject);
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = rootCause(e);
                if (OutboxPublisher.isFenced(cause)) {
                    throw new KafkaException("a newer active relay fenced this one", cause);
                }
                if (failedSubjects.add(subject)) {
                    failed(sent, cause); // the subject's first failure holds it back; its later events follow it
                }
            }
        }
        // Still ours? A relay that lost its lock ends here; what it sent is aborted when the next one starts.
        leadership.verify();
        if (overtaken) {
            // Nothing of this round is made visible; the failed subject waits out its backoff, the rest go again.
            publisher.abort();
            refreshBacklog(false);
            return 0;
        }
        if (!commit(acknowledged)) {
            refreshBacklog(false);
            return 0;
        }
        acknowledgedSends.forEach(sent -> metrics.published(sent.row().type(), sent.elapsed()));
        if (!acknowledged.isEmpty()) {
            store.markPublished(acknowledged);
        }
        refreshBacklog(false);
        return acknowledged.size();
    }

    /**
     * Counts the backlog for its gauges: after an idle round always, after a busy one at most once per {@link
     * #BACKLOG_REFRESH}; a count after every round was a statement per event at a steady load.
     */
    private void refreshBacklog(boolean idle) {
        long now = System.nanoTime();
        if (idle || now - backlogCountedAt >= BACKLOG_REFRESH.toNanos()) {
            metrics.backlog(store.backlog());
            backlogCountedAt = now;
        }
    }

    /**
     * Commits the round's transaction when it holds acknowledged records. A transaction that cannot
     * commit (one of its sends failed) is aborted: its acknowledged records stay unmarked and go again in
     * the next round, invisible to read-committed consumers meanwhile.
     */
    private boolean commit(List<OutboxStore.Published> acknowledged) {
        if (acknowledged.isEmpty()) {
            publisher.abort();
            return false;
        }
        try {
            publisher.commit();
            return true;
        } catch (KafkaException e) {
            if (OutboxPublisher.isFenced(e)) {
                throw e;
            }
            log.warn("Committing the outbox relay's transaction failed, sending its events again: {}", e.toString());
            publisher.abort();
            return false;
        }
    }

    /**
     * Waits for the broker's acknowledgement until {@code deadline}, checking the lock every third of the
     * lease meanwhile: the lock session never looks idle to PostgreSQL while the relay works, and a relay
     * that lost it stops waiting.
     */
    private RecordMetadata awaitAcknowledgement(CompletableFuture<RecordMetadata> result, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException, SQLException {
        long slice = settings.leaseCheck().toNanos();
        while (true) {
            long remaining = deadline - System.nanoTime();
            try {
                return result.get(Math.max(0, Math.min(slice, remaining)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (remaining <= slice) {
                    throw e;
                }
                leadership.verify();
            }
        }
    }

    /** The innermost cause: wrappers hide Kafka's reason (e.g. a metadata timeout). */
    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A send that failed at once because the client could not even get the topic's metadata. */
    private static boolean brokerUnreachable(CompletableFuture<?> result) {
        if (!result.isCompletedExceptionally()) {
            return false;
        }
        try {
            result.join();
            return false;
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                    return true;
                }
            }
            return false;
        }
    }

    private void failed(InFlight sent, Throwable cause) {
        OutboxRow row = sent.row();
        Duration backoff = settings.backoffAfter(row.attempts() + 1);
        // Names the event, never its data; Kafka's messages name topics and brokers only.
        log.warn(
                "Publishing outbox event {} ({} #{} of subject {}) failed on attempt {}: {}; this subject's events wait {}",
                row.eventId(),
                row.type(),
                row.sequence(),
                row.subject(),
                row.attempts() + 1,
                cause.toString(),
                backoff);
        log.debug("Publish failure of outbox event {}", row.eventId(), cause);
        store.markFailed(row.eventId(), cause.getClass().getSimpleName() + ": " + cause.getMessage(), backoff);
        metrics.failed(row.type(), sent.elapsed(), cause);
    }

    private void resign() {
        boolean wasLeader = leadership.isLeader();
        leadership.close();
        try {
            publisher.close();
        } catch (RuntimeException e) {
            log.debug("Closing the relay's producer failed", e);
        }
        metrics.leader(false);
        if (wasLeader) {
            log.info("Outbox relay no longer active on this instance");
        }
    }

    /** Sleeps; {@link #stop()} interrupts it, which ends the loop. */
    private static void pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record InFlight(OutboxRow row, long startNanos, CompletableFuture<RecordMetadata> result) {

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }
    }
}
