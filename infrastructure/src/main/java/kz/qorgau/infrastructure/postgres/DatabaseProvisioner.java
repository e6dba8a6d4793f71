package kz.qorgau.infrastructure.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and drops databases and login roles on a {@link PostgresServer}, through its admin login.
 *
 * <ul>
 *   <li>Each service gets its own database, owned by its own login role ({@link #ensureServiceDatabase}).
 *   <li>Each test class can get a fresh database ({@link #createFreshDatabase}), named {@code
 *       qt_<prefix>_<epoch seconds>_<random>}, so that {@link #dropStaleTestDatabases} can drop the
 *       leftovers of killed test runs by age.
 * </ul>
 *
 * <p>Names are checked (lower-case identifiers, at most 63 characters) and still quoted; passwords are
 * quoted as SQL literals by the driver. Every method opens and closes its own admin connection.
 */
public final class DatabaseProvisioner {

    /** The prefix of every database {@link #createFreshDatabase} makes. */
    public static final String TEST_DATABASE_PREFIX = "qt_";

    private static final Logger log = LoggerFactory.getLogger(DatabaseProvisioner.class);
    private static final Pattern TEST_DATABASE = Pattern.compile("qt_[a-z0-9_]+_(\\d{9,11})_[0-9a-f]{8}");
    private static final int MAX_PREFIX = DatabaseNames.MAX_LENGTH - "qt_".length() - "_1234567890_abcdef12".length();
    private static final Set<String> PROTECTED = Set.of("postgres", "template0", "template1");
    private static final Set<String> ALREADY_EXISTS = Set.of("42710", "42P04", "23505");

    private final PostgresServer server;
    private final Clock clock;

    public DatabaseProvisioner(PostgresServer server) {
        this(server, Clock.systemUTC());
    }

    DatabaseProvisioner(PostgresServer server, Clock clock) {
        this.server = Objects.requireNonNull(server, "server");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PostgresServer server() {
        return server;
    }

    /** JDBC URL of {@code database} on this server (the admin URL's host and parameters). */
    public String jdbcUrl(String database) {
        return server.jdbcUrl(database);
    }

    /**
     * Makes sure the login role {@code role} exists with {@code password}, and the database {@code
     * database} exists and is owned by it; only the owner (and superusers) may connect to it. Idempotent and
     * safe to run concurrently; an existing role's password is set to {@code password}.
     */
    public ServiceDatabase ensureServiceDatabase(String database, String role, String password) {
        DatabaseNames.requireValid(database);
        DatabaseNames.requireValid(role);
        Objects.requireNonNull(password, "password");
        if (PROTECTED.contains(database)) {
            throw new IllegalArgumentException("Refusing to give the system database " + database + " to a service");
        }
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            String quotedRole = identifier(connection, role);
            String quotedDatabase = identifier(connection, database);
            String quotedPassword = literal(connection, password);
            if (!roleExists(connection, role)) {
                executeUnlessExists(statement, "CREATE ROLE " + quotedRole + " LOGIN PASSWORD " + quotedPassword);
            }
            statement.execute("ALTER ROLE " + quotedRole + " WITH LOGIN PASSWORD " + quotedPassword);
            if (!databaseExists(connection, database)) {
                executeUnlessExists(
                        statement,
                        "CREATE DATABASE " + quotedDatabase + " OWNER " + quotedRole + " TEMPLATE template0");
            }
            statement.execute("ALTER DATABASE " + quotedDatabase + " OWNER TO " + quotedRole);
            statement.execute("REVOKE ALL ON DATABASE " + quotedDatabase + " FROM PUBLIC");
        } catch (SQLException e) {
            throw failure("create database " + database + " for role " + role, e);
        }
        return new ServiceDatabase(database, jdbcUrl(database), role, password);
    }

    /**
     * Makes sure the login role {@code role} exists with {@code password}, owning nothing: a
     * service's runtime role, to which the owner's migrations grant what it may do. Idempotent.
     */
    public void ensureLoginRole(String role, String password) {
        DatabaseNames.requireValid(role);
        Objects.requireNonNull(password, "password");
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            String quotedRole = identifier(connection, role);
            String quotedPassword = literal(connection, password);
            if (!roleExists(connection, role)) {
                executeUnlessExists(statement, "CREATE ROLE " + quotedRole + " LOGIN PASSWORD " + quotedPassword);
            }
            statement.execute("ALTER ROLE " + quotedRole + " WITH LOGIN PASSWORD " + quotedPassword);
        } catch (SQLException e) {
            throw failure("create login role " + role, e);
        }
    }

    /**
     * Creates a new empty database named {@code qt_<prefix>_<epoch seconds>_<random>} (the prefix lower-cased,
     * other characters replaced by {@code _}, shortened to fit 63 characters); it is owned by the admin login,
     * which the result carries.
     */
    public TestDatabase createFreshDatabase(String prefix) {
        return createFreshDatabase(prefix, clock.instant());
    }

    /** As {@link #createFreshDatabase(String)}, with the creation time written into the name given. */
    TestDatabase createFreshDatabase(String prefix, Instant createdAt) {
        String name = TEST_DATABASE_PREFIX
                + DatabaseNames.sanitize(prefix, MAX_PREFIX)
                + "_"
                + createdAt.getEpochSecond()
                + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        DatabaseNames.requireValid(name);
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            String quoted = identifier(connection, name);
            // template0: nobody is ever connected to it, so parallel creations do not clash.
            statement.execute("CREATE DATABASE " + quoted + " TEMPLATE template0");
            statement.execute("COMMENT ON DATABASE " + quoted + " IS "
                    + literal(connection, "Qorgau test database created " + createdAt));
        } catch (SQLException e) {
            throw failure("create test database " + name, e);
        }
        return new TestDatabase(name, jdbcUrl(name), server.adminUser(), server.adminPassword());
    }

    /** Drops {@code database} if it exists, closing its connections first ({@code WITH (FORCE)}). */
    public void drop(String database) {
        DatabaseNames.requireValid(database);
        if (PROTECTED.contains(database)) {
            throw new IllegalArgumentException("Refusing to drop the system database " + database);
        }
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + identifier(connection, database) + " WITH (FORCE)");
        } catch (SQLException e) {
            throw failure("drop database " + database, e);
        }
    }

    /** Drops the login role {@code role} if it exists (drop the databases it owns first). */
    public void dropRole(String role) {
        DatabaseNames.requireValid(role);
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS " + identifier(connection, role));
        } catch (SQLException e) {
            throw failure("drop role " + role, e);
        }
    }

    /**
     * Drops the test databases ({@link #createFreshDatabase}) created more than {@code olderThan} ago:
     * leftovers of test runs that were killed before they could clean up. Other databases are never touched.
     *
     * @return the names dropped
     */
    public List<String> dropStaleTestDatabases(Duration olderThan) {
        Objects.requireNonNull(olderThan, "olderThan");
        Instant cutoff = clock.instant().minus(olderThan);
        List<String> dropped = new ArrayList<>();
        for (String name : testDatabases()) {
            Optional<Instant> createdAt = testDatabaseCreatedAt(name);
            if (createdAt.isPresent() && createdAt.get().isBefore(cutoff)) {
                try {
                    drop(name);
                    dropped.add(name);
                } catch (RuntimeException e) {
                    log.warn("Could not drop stale test database {}: {}", name, e.getMessage());
                }
            }
        }
        if (!dropped.isEmpty()) {
            log.info("Dropped {} stale test database(s): {}", dropped.size(), dropped);
        }
        return dropped;
    }

    /** The names of all databases on the server that {@link #createFreshDatabase} made. */
    public List<String> testDatabases() {
        List<String> names = new ArrayList<>();
        try (Connection connection = admin();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT datname FROM pg_database WHERE datname LIKE ? ORDER BY 1")) {
            statement.setString(1, "qt\\_%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    if (TEST_DATABASE.matcher(name).matches()) {
                        names.add(name);
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("list test databases", e);
        }
        return names;
    }

    public boolean databaseExists(String database) {
        try (Connection connection = admin()) {
            return databaseExists(connection, database);
        } catch (SQLException e) {
            throw failure("look up database " + database, e);
        }
    }

    public boolean roleExists(String role) {
        try (Connection connection = admin()) {
            return roleExists(connection, role);
        } catch (SQLException e) {
            throw failure("look up role " + role, e);
        }
    }

    /** When the test database {@code name} was created, if it is one (from the time in its name). */
    public static Optional<Instant> testDatabaseCreatedAt(String name) {
        Matcher matcher = TEST_DATABASE.matcher(name == null ? "" : name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(matcher.group(1))));
    }

    // ---------------------------------------------------------------------------------------------

    private Connection admin() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", server.adminUser());
        properties.setProperty("password", server.adminPassword());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "qorgau-provisioner");
        return DriverManager.getConnection(server.adminJdbcUrl(), properties);
    }

    private static boolean databaseExists(Connection connection, String database) throws SQLException {
        return exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database);
    }

    private static boolean roleExists(Connection connection, String role) throws SQLException {
        return exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role);
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Runs DDL; "already exists" (another process won a race) counts as success. */
    private static void executeUnlessExists(Statement statement, String sql) throws SQLException {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            if (!ALREADY_EXISTS.contains(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static String identifier(Connection connection, String name) throws SQLException {
        return connection.unwrap(PGConnection.class).escapeIdentifier(DatabaseNames.requireValid(name));
    }

    private static String literal(Connection connection, String value) throws SQLException {
        return "'" + connection.unwrap(PGConnection.class).escapeLiteral(value) + "'";
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException(
                "Could not " + what + " on PostgreSQL " + server.host() + ":" + server.port() + ": " + e.getMessage(),
                e);
    }
}
