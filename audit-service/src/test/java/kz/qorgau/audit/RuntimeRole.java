package kz.qorgau.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.infrastructure.postgres.PostgresServer;
import kz.qorgau.infrastructure.postgres.TestDatabase;
import kz.qorgau.testsupport.SharedInfrastructure;

/**
 * A login role of a test's own, to run audit-service as in production: a runtime role that the
 * migration grants SELECT and INSERT, distinct from the owner that migrates. Roles are per server,
 * so each gets a unique name; {@link #dropIn} removes it.
 */
public final class RuntimeRole {

    private final String name;
    private final String password;

    private RuntimeRole(String name, String password) {
        this.name = name;
        this.password = password;
    }

    /** Creates {@code qt_<purpose>_<epoch seconds>_<random>}, a login role without any privilege yet. */
    public static RuntimeRole createFresh(String purpose) {
        String random = UUID.randomUUID().toString().replace("-", "");
        String name = "qt_" + purpose + "_" + Instant.now().getEpochSecond() + "_" + random.substring(0, 8);
        String password = random.substring(8);
        try (Connection admin = admin(server().adminJdbcUrl());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create role " + name, e);
        }
        return new RuntimeRole(name, password);
    }

    public String name() {
        return name;
    }

    public String password() {
        return password;
    }

    /** A connection to {@code database} as this role. */
    public Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), name, password);
    }

    /** Revokes what the role was granted in {@code databases}, then drops it. */
    public void dropIn(TestDatabase... databases) {
        try {
            for (TestDatabase database : databases) {
                try (Connection admin = admin(database.jdbcUrl());
                        Statement statement = admin.createStatement()) {
                    statement.execute("DROP OWNED BY " + name);
                }
            }
            try (Connection admin = admin(server().adminJdbcUrl());
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP ROLE IF EXISTS " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop role " + name, e);
        }
    }

    private static PostgresServer server() {
        return SharedInfrastructure.postgres();
    }

    private static Connection admin(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, server().adminUser(), server().adminPassword());
    }
}
