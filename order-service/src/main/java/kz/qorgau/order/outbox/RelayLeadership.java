package kz.qorgau.order.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Which instance's relay is the active one: the one whose dedicated database session holds a
 * session-level advisory lock. The session is its own connection, outside the pool that transactions
 * use, so the lock lives exactly as long as this relay's leadership: when the instance stops or dies,
 * its session ends, PostgreSQL releases the lock and a standby's next try takes it.
 *
 * <p>PostgreSQL itself ends the session when it stays silent for the lease (docs/adr/0013-leader-sessions.md):
 * a relay that is frozen (its kernel still answers TCP keepalives) or cut off loses the lock within the
 * lease, not after the operating system's two hours. The active relay touches the session at least every
 * third of the lease, so only a relay that has stopped working loses it.
 *
 * <p>The same session LISTENs for the commit notifications of {@link Outbox}. Used by the relay thread
 * only; not thread-safe.
 */
final class RelayLeadership implements AutoCloseable {

    /**
     * The advisory lock key ("qorgoutb" in ASCII). Advisory locks are per database, and each service has
     * its own database, so no other program competes for it.
     */
    static final long LOCK_KEY = 0x716f72676f757462L;

    private static final Logger log = LoggerFactory.getLogger(RelayLeadership.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    private final JdbcConnectionDetails database;
    private final Duration lease;
    private Connection session;
    private volatile boolean leader; // read by isActive() from other threads

    RelayLeadership(JdbcConnectionDetails database, Duration lease) {
        this.database = database;
        this.lease = lease;
    }

    /**
     * The server-side settings of the lock session, as the startup {@code options} of the connection: the
     * server ends the session after {@code lease} without a statement (in a transaction or not), after
     * {@code lease} of unacknowledged data, and its keepalives notice a vanished client well inside it.
     */
    static String serverOptions(Duration lease) {
        long millis = lease.toMillis();
        long keepaliveIdle = Math.max(1, lease.toSeconds() / 3);
        long keepaliveInterval = Math.max(1, lease.toSeconds() / 6);
        return "-c idle_session_timeout=" + millis
                + " -c idle_in_transaction_session_timeout=" + millis
                + " -c tcp_user_timeout=" + millis
                + " -c tcp_keepalives_idle=" + keepaliveIdle
                + " -c tcp_keepalives_interval=" + keepaliveInterval
                + " -c tcp_keepalives_count=3";
    }

    boolean isLeader() {
        return leader;
    }

    /** Tries once to become the active relay; a standby calls this periodically. */
    boolean tryAcquire() throws SQLException {
        if (leader) {
            return true;
        }
        if (session == null || !session.isValid(VALIDATION_TIMEOUT_SECONDS)) {
            closeSession();
            session = connect();
        }
        try (Statement statement = session.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            result.next();
            if (!result.getBoolean(1)) {
                return false;
            }
        }
        try (Statement statement = session.createStatement()) {
            statement.execute("LISTEN " + Outbox.CHANNEL);
        }
        leader = true;
        return true;
    }

    /**
     * Checks that this session still holds the lock; throws when the session is gone (then PostgreSQL has
     * released the lock and another instance may already be active).
     */
    void verify() throws SQLException {
        try (Statement statement = session.createStatement();
                ResultSet result =
                        statement.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                                + " AND pid = pg_backend_pid() AND objid = " + (int) LOCK_KEY
                                + " AND classid = " + (int) (LOCK_KEY >>> 32))) {
            result.next();
            if (result.getInt(1) != 1) {
                leader = false;
                throw new SQLException("the relay's session no longer holds the advisory lock");
            }
        }
    }

    /** Waits until a transaction that wrote outbox rows commits, or {@code timeout} passes. */
    void awaitCommit(Duration timeout) throws SQLException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        // Returns at once with notifications that arrived during the last round; none are lost.
        session.unwrap(PGConnection.class).getNotifications(millis);
    }

    /** Gives up leadership: the lock goes with the session. */
    @Override
    public void close() {
        leader = false;
        closeSession();
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (database.getUsername() != null) {
            properties.setProperty(PGProperty.USER.getName(), database.getUsername());
        }
        if (database.getPassword() != null) {
            properties.setProperty(PGProperty.PASSWORD.getName(), database.getPassword());
        }
        properties.setProperty(PGProperty.APPLICATION_NAME.getName(), "order-service outbox relay");
        properties.setProperty(PGProperty.TCP_KEEP_ALIVE.getName(), "true");
        // The server's side of the lease: without it a frozen or cut-off relay kept the lock for hours.
        properties.setProperty(PGProperty.OPTIONS.getName(), serverOptions(lease));
        // A dead server must not hang the relay forever; getNotifications sets its own shorter timeout.
        properties.setProperty(PGProperty.SOCKET_TIMEOUT.getName(), "60");
        properties.setProperty(PGProperty.CONNECT_TIMEOUT.getName(), "10");
        Connection connection = new org.postgresql.Driver().connect(database.getJdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("the outbox relay needs a PostgreSQL JDBC URL");
        }
        connection.setAutoCommit(true);
        return connection;
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException e) {
                log.debug("Closing the relay's session failed", e);
            }
            session = null;
        }
    }
}
