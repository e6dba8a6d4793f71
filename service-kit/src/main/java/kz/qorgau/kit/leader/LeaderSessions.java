package kz.qorgau.kit.leader;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.postgresql.PGProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Opens the dedicated sessions that leaders hold their locks on (docs/adr/0013-leader-sessions.md,
 * docs/adr/0018-kit-outbox-and-leader.md). Each is its own connection, outside the pool that
 * transactions use, so a lock lives exactly as long as its session: when the instance stops or dies, the
 * session ends, PostgreSQL releases the lock and a standby's next try takes it.
 *
 * <p>PostgreSQL itself ends a session that stays silent for the lease: a leader that is frozen (its
 * kernel still answers TCP keepalives) or cut off loses the lock within the lease, not after the operating
 * system's two hours. A leader therefore uses its session at least every third of the lease.
 */
public final class LeaderSessions {

    /** The lease cannot be shorter: PostgreSQL's TCP keepalive settings count whole seconds. */
    public static final Duration MIN_LEASE = Duration.ofSeconds(3);

    private final JdbcConnectionDetails database;
    private final String applicationName;
    private final Duration lease;

    /**
     * @param applicationName what {@code pg_stat_activity} shows, so operators see who holds a lock
     */
    public LeaderSessions(JdbcConnectionDetails database, String applicationName, Duration lease) {
        this.database = database;
        this.applicationName = applicationName;
        this.lease = lease;
    }

    /**
     * Checks a lease against the intervals at which its holder uses the session.
     *
     * @param property the lease's property name, for the message
     * @param intervals by property name; the lease must be at least three times each
     * @throws IllegalArgumentException when the lease is too short
     */
    public static void requireLease(String property, Duration lease, Map<String, Duration> intervals) {
        if (lease.compareTo(MIN_LEASE) < 0) {
            throw new IllegalArgumentException(property + " must be at least " + MIN_LEASE.toSeconds() + "s");
        }
        intervals.forEach((name, interval) -> {
            if (lease.compareTo(interval.multipliedBy(3)) < 0) {
                throw new IllegalArgumentException(property + " (" + lease + ") must be at least three times " + name
                        + ", or the leader loses its lock while it merely waits");
            }
        });
    }

    /**
     * The server-side settings of a leader session, as the startup {@code options} of the connection: the
     * server ends the session after {@code lease} without a statement (in a transaction or not), after
     * {@code lease} of unacknowledged data, and its keepalives notice a vanished client well inside it.
     */
    public static String serverOptions(Duration lease) {
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

    public Duration lease() {
        return lease;
    }

    /** Opens a new session for {@code lock}; it does not hold the lock until {@link LeaderSession#tryLock()}. */
    public LeaderSession open(LeaderLock lock) throws SQLException {
        return new LeaderSession(connect(), lock);
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (database.getUsername() != null) {
            properties.setProperty(PGProperty.USER.getName(), database.getUsername());
        }
        if (database.getPassword() != null) {
            properties.setProperty(PGProperty.PASSWORD.getName(), database.getPassword());
        }
        properties.setProperty(PGProperty.APPLICATION_NAME.getName(), applicationName);
        properties.setProperty(PGProperty.TCP_KEEP_ALIVE.getName(), "true");
        // The server's side of the lease: without it a frozen or cut-off leader kept the lock for hours.
        properties.setProperty(PGProperty.OPTIONS.getName(), serverOptions(lease));
        // A dead server must not hang the leader forever; waiting for notifications sets its own timeout.
        properties.setProperty(PGProperty.SOCKET_TIMEOUT.getName(), "60");
        properties.setProperty(PGProperty.CONNECT_TIMEOUT.getName(), "10");
        Connection connection = new org.postgresql.Driver().connect(database.getJdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("a leader session needs a PostgreSQL JDBC URL");
        }
        connection.setAutoCommit(true);
        return connection;
    }
}
