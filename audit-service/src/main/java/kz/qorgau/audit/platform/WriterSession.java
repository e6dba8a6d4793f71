package kz.qorgau.audit.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database session that holds the writer lock, a PostgreSQL session-level advisory lock.
 * Every append runs in a transaction on this very session: if the session dies, the lock is gone
 * and so is the ability to append, so a writer that lost its lock cannot write by mistake.
 */
final class WriterSession implements AutoCloseable {

    /** Advisory lock key (classid, objid): "QAUD" and the trail's number. Advisory locks are per database. */
    static final int LOCK_CLASS = 0x51415544;

    static final int LOCK_OBJECT = 1;

    private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final Connection connection;
    private final int backendPid;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ReentrantLock inUse = new ReentrantLock();
    private volatile boolean closed;

    private WriterSession(Connection connection, int backendPid) {
        this.connection = connection;
        this.backendPid = backendPid;
        SingleConnectionDataSource session = new SingleConnectionDataSource(connection, true);
        this.jdbc = JdbcClient.create(session);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(session));
    }

    /** Opens a session and tries to take the lock; empty when another session holds it. */
    static Optional<WriterSession> tryAcquire(DataSource sessions) throws SQLException {
        Connection connection = sessions.getConnection();
        try {
            connection.setAutoCommit(true);
            // The driver ignores the executor; the timeout bounds every round trip of this session.
            connection.setNetworkTimeout(Runnable::run, (int) NETWORK_TIMEOUT.toMillis());
            // The server-side lease (idle timeouts, TCP keepalives) comes with the connection's options.
            try (Statement statement = connection.createStatement()) {
                try (ResultSet result = statement.executeQuery(
                        "SELECT pg_try_advisory_lock(" + LOCK_CLASS + ", " + LOCK_OBJECT + "), pg_backend_pid()")) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        connection.close();
                        return Optional.empty();
                    }
                    return Optional.of(new WriterSession(connection, result.getInt(2)));
                }
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** The server process of this session, as {@code pg_stat_activity} and {@code pg_locks} show it. */
    int backendPid() {
        return backendPid;
    }

    /** Runs {@code work} in one transaction of this session; the work's statements go through its client. */
    <T> T inTransaction(Function<JdbcClient, T> work) {
        inUse.lock();
        try {
            if (closed) {
                throw new NotTheWriterException("the writer lock was released");
            }
            return transactions.execute(status -> work.apply(jdbc));
        } finally {
            inUse.unlock();
        }
    }

    /**
     * Whether the session (and so the lock) is still alive. While an append runs the answer is yes:
     * that append fails by itself if the session is gone.
     */
    boolean isAlive(Duration timeout) {
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

    /** Ends the session, which releases the lock; waits briefly for a running append. */
    @Override
    public void close() {
        boolean locked = false;
        try {
            locked = inUse.tryLock(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            closed = true;
            closeQuietly(connection);
        } finally {
            if (locked) {
                inUse.unlock();
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The session is gone either way, and with it the lock.
        }
    }
}
