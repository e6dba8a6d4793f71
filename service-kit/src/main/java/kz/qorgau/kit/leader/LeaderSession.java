package kz.qorgau.kit.leader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One dedicated database session ({@link LeaderSessions}) that may hold a {@link LeaderLock}. Whoever holds
 * the lock is the leader; work that must be done by the leader only can run on this very session ({@link
 * #inTransaction}), so that a leader whose session died cannot do it by mistake: the lock went with it.
 */
public final class LeaderSession implements AutoCloseable {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final Connection connection;
    private final LeaderLock lock;
    private final ReentrantLock inUse = new ReentrantLock();
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private volatile boolean locked;
    private volatile boolean closed;
    private int backendPid;

    LeaderSession(Connection connection, LeaderLock lock) {
        this.connection = connection;
        this.lock = lock;
        SingleConnectionDataSource session = new SingleConnectionDataSource(connection, true);
        this.jdbc = JdbcClient.create(session);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(session));
    }

    /** Tries once to take the lock; true when this session holds it (now or already). */
    public boolean tryLock() throws SQLException {
        if (locked) {
            return true;
        }
        inUse.lock();
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?), pg_backend_pid()")) {
            statement.setInt(1, lock.space());
            statement.setInt(2, lock.id());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                locked = result.getBoolean(1);
                backendPid = result.getInt(2);
                return locked;
            }
        } finally {
            inUse.unlock();
        }
    }

    /** Whether this session took the lock and has not been closed (it may have died since: see {@link #verify}). */
    public boolean isLeader() {
        return locked && !closed;
    }

    /**
     * Asks the server whether this session still holds the lock; throws when it does not (then another
     * instance may already lead). Also keeps the session from looking idle.
     */
    public void verify() throws SQLException {
        inUse.lock();
        try (PreparedStatement statement = connection.prepareStatement(
                """
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()
                   AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 2
                """)) {
            statement.setLong(1, lock.classId());
            statement.setLong(2, lock.objectId());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (result.getInt(1) != 1) {
                    throw new SQLException("the leader session no longer holds its advisory lock");
                }
            }
        } catch (SQLException e) {
            // The session is gone or lost the lock: either way this instance no longer leads.
            locked = false;
            throw e;
        } finally {
            inUse.unlock();
        }
    }

    /**
     * Whether the session (and so the lock) is still alive. While work runs on it the answer is yes: that
     * work fails by itself if the session is gone.
     */
    public boolean isAlive(Duration timeout) {
        if (!inUse.tryLock()) {
            return true;
        }
        try {
            return !closed && connection.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (SQLException e) {
            return false;
        } finally {
            inUse.unlock();
        }
    }

    /**
     * Runs {@code work} in one transaction of this session.
     *
     * @throws LeadershipLostException when this session does not hold the lock (any more)
     */
    public <T> T inTransaction(Function<JdbcClient, T> work) {
        inUse.lock();
        try {
            if (closed || !locked) {
                throw new LeadershipLostException("this session does not hold the leader lock");
            }
            return transactions.execute(status -> work.apply(jdbc));
        } finally {
            inUse.unlock();
        }
    }

    /** Subscribes this session to a PostgreSQL notification channel (a plain identifier). */
    public void listen(String channel) throws SQLException {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        inUse.lock();
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + channel);
        } finally {
            inUse.unlock();
        }
    }

    /**
     * Waits until a notification arrives on a channel this session listens on, or {@code timeout} passes.
     * Returns at once with notifications that arrived meanwhile; none are lost.
     */
    public void awaitNotification(Duration timeout) throws SQLException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        inUse.lock();
        try {
            connection.unwrap(PGConnection.class).getNotifications(millis);
        } finally {
            inUse.unlock();
        }
    }

    /** The server process of this session, as {@code pg_stat_activity} and {@code pg_locks} show it. */
    public int backendPid() {
        return backendPid;
    }

    /** Ends the session, which releases the lock; waits briefly for work that runs on it. */
    @Override
    public void close() {
        boolean held = false;
        try {
            held = inUse.tryLock(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            closed = true;
            locked = false;
            connection.close();
        } catch (SQLException ignored) {
            // The session is gone either way, and with it the lock.
        } finally {
            if (held) {
                inUse.unlock();
            }
        }
    }
}
