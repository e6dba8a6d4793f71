package kz.qorgau.audit.writer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import kz.qorgau.kit.leader.LeaderLock;
import kz.qorgau.kit.leader.LeaderSession;
import kz.qorgau.kit.leader.LeaderSessions;
import kz.qorgau.kit.leader.LeadershipLostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * One writer at a time across instances, through the kit's leader sessions
 * (docs/adr/0018-kit-outbox-and-leader.md). Each instance keeps trying to take a PostgreSQL
 * session-level advisory lock on a dedicated session; the one that holds it runs the listener container
 * {@value #LISTENER_ID} and appends on the lock's own session ({@link LeaderSession#inTransaction}), so a
 * writer whose session died cannot append: the lock went with it. The others stand by with the container
 * stopped. When the writer dies its session ends, PostgreSQL releases the
 * lock, and a standby takes it within {@code qorgau.audit.writer.check-interval}. When the writer
 * finds its session dead it stops its container first, so it never appends without the lock.
 */
public class WriterLeadership implements SmartLifecycle, MeterBinder {

    /** The id of the listener container that only the writer runs. */
    public static final String LISTENER_ID = "audit-writer";

    /** The writer lock: "QAUD" and the trail's number. Advisory locks are per database. */
    public static final LeaderLock LOCK = new LeaderLock(0x51415544, 1);

    private static final Logger log = LoggerFactory.getLogger(WriterLeadership.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

    private final LeaderSessions sessions;
    private final KafkaListenerEndpointRegistry listeners;
    private final Duration checkInterval;
    private final List<WriterStartCheck> startChecks;
    private final Object monitor = new Object();
    private volatile LeaderSession session;
    /** The start checks passed: the writer appends, signs and runs its jobs. */
    private volatile boolean ready;
    /** A start check refused: the lock is held, nothing is appended until a restart. */
    private volatile boolean refused;

    private volatile boolean running;
    private boolean failing;
    private Thread keeper;

    /**
     * @param sessions dedicated sessions on the audit database (with the lease), one of which becomes the
     *     writer session
     */
    public WriterLeadership(LeaderSessions sessions, KafkaListenerEndpointRegistry listeners, Duration checkInterval) {
        this(sessions, listeners, checkInterval, List.of());
    }

    /** @param startChecks what must hold before a new writer appends (docs/adr/0032) */
    public WriterLeadership(
            LeaderSessions sessions,
            KafkaListenerEndpointRegistry listeners,
            Duration checkInterval,
            List<WriterStartCheck> startChecks) {
        this.sessions = sessions;
        this.listeners = listeners;
        this.checkInterval = checkInterval;
        this.startChecks = List.copyOf(startChecks);
    }

    /**
     * Runs {@code work} in one transaction of the writer session.
     *
     * @throws NotTheWriterException when this instance does not hold the writer lock
     */
    public <T> T inWriterTransaction(Function<JdbcClient, T> work) {
        LeaderSession current = session;
        if (current == null) {
            throw new NotTheWriterException("this instance is not the audit writer");
        }
        try {
            return current.inTransaction(work);
        } catch (LeadershipLostException e) {
            throw new NotTheWriterException("the writer lock was released");
        }
    }

    /** Whether this instance holds the writer lock and its start checks passed: it appends. */
    public boolean isWriter() {
        return session != null && ready;
    }

    /** Whether a start check refused: this instance holds the lock and appends nothing (docs/adr/0032). */
    public boolean isRefused() {
        return refused;
    }

    @Override
    public void start() {
        synchronized (monitor) {
            if (running) {
                return;
            }
            running = true;
            keeper = new Thread(this::keepTryingToWrite, "audit-writer-lock");
            keeper.setDaemon(true);
            keeper.start();
        }
    }

    @Override
    public void stop() {
        Thread stopping;
        synchronized (monitor) {
            if (!running) {
                return;
            }
            running = false;
            monitor.notifyAll();
            stopping = keeper;
        }
        try {
            stopping.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stepDown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the listener registry and stops after it, so the lock outlives the container. */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE - 1;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("audit.writer.leader", this, leadership -> leadership.isWriter() ? 1 : 0)
                .description("1 while this instance holds the writer lock and appends, 0 while it stands by")
                .register(registry);
        Gauge.builder("audit.writer.refused", this, leadership -> leadership.isRefused() ? 1 : 0)
                .description("1 while this instance holds the writer lock but refuses to append: the database"
                        + " contradicts the trail's copies outside it (docs/adr/0032)")
                .register(registry);
    }

    private void keepTryingToWrite() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                LeaderSession current = session;
                if (current == null && !refused) {
                    tryToTakeTheLock();
                } else if (!current.isAlive(checkInterval)) {
                    log.warn("The writer session ended; this instance stops appending and stands by");
                    stepDown();
                    continue;
                }
                failing = false;
            } catch (SQLException | RuntimeException e) {
                // The database is unreachable or the container would not start: stand by and retry.
                // Said once per outage, not at every attempt.
                if (!failing) {
                    log.warn("Could not take or keep the writer lock; retrying: {}", e.toString());
                }
                log.debug("Writer lock attempt failed", e);
                failing = true;
                stepDown();
            }
            pause();
        }
        // Interrupted without stop(): nobody would release the lock otherwise.
        stepDown();
    }

    private void tryToTakeTheLock() throws SQLException {
        LeaderSession acquired = sessions.open(LOCK);
        try {
            if (!acquired.tryLock()) {
                acquired.close();
                return;
            }
        } catch (SQLException | RuntimeException e) {
            acquired.close();
            throw e;
        }
        synchronized (monitor) {
            if (!running) {
                acquired.close();
                return;
            }
            session = acquired;
        }
        for (WriterStartCheck check : startChecks) {
            Optional<String> refusal = check.beforeAppending(this);
            if (refusal.isPresent()) {
                refused = true;
                log.error(
                        "This instance holds the writer lock but appends nothing until restarted: {}"
                                + " (docs/runbooks/audit-restore.md)",
                        refusal.get());
                return;
            }
        }
        ready = true;
        log.info("This instance is now the audit writer (lock session {})", acquired.backendPid());
        container().ifPresent(MessageListenerContainer::start);
    }

    /** Stops the container (the current record finishes and its offset is committed), then unlocks. */
    private synchronized void stepDown() {
        container().filter(MessageListenerContainer::isRunning).ifPresent(MessageListenerContainer::stop);
        LeaderSession current = session;
        ready = false;
        session = null;
        if (current != null) {
            current.close();
            log.info("This instance released the writer lock");
        }
    }

    private Optional<MessageListenerContainer> container() {
        return Optional.ofNullable(listeners.getListenerContainer(LISTENER_ID));
    }

    private void pause() {
        synchronized (monitor) {
            if (!running) {
                return;
            }
            try {
                monitor.wait(checkInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
