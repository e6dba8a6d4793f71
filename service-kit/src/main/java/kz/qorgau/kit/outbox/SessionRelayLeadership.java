package kz.qorgau.kit.outbox;

import java.sql.SQLException;
import java.time.Duration;
import kz.qorgau.kit.leader.LeaderLock;
import kz.qorgau.kit.leader.LeaderSession;
import kz.qorgau.kit.leader.LeaderSessions;

/**
 * The active relay is the one whose dedicated session ({@link LeaderSessions}) holds the relay's advisory
 * lock. The same session LISTENs for the commit notifications of {@link Outbox}. A standby keeps its
 * session open between tries and opens a new one only when it died.
 */
final class SessionRelayLeadership implements RelayLeadership {

    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    private final LeaderSessions sessions;
    private final LeaderLock lock;
    private LeaderSession session;
    private volatile boolean leader; // read by isActive() from other threads

    SessionRelayLeadership(LeaderSessions sessions, LeaderLock lock) {
        this.sessions = sessions;
        this.lock = lock;
    }

    @Override
    public boolean isLeader() {
        return leader;
    }

    @Override
    public boolean tryAcquire() throws SQLException {
        if (leader) {
            return true;
        }
        if (session == null || !session.isAlive(Duration.ofSeconds(VALIDATION_TIMEOUT_SECONDS))) {
            closeSession();
            session = sessions.open(lock);
        }
        if (!session.tryLock()) {
            return false;
        }
        session.listen(Outbox.CHANNEL);
        leader = true;
        return true;
    }

    @Override
    public void verify() throws SQLException {
        try {
            session.verify();
        } catch (SQLException e) {
            leader = false;
            throw e;
        }
    }

    @Override
    public void awaitCommit(Duration timeout) throws SQLException {
        session.awaitNotification(timeout);
    }

    @Override
    public void close() {
        leader = false;
        closeSession();
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
