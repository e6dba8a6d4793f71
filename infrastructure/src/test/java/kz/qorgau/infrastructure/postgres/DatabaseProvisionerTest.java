package kz.qorgau.infrastructure.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.qorgau.infrastructure.DockerProbe;
import kz.qorgau.infrastructure.InfraEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real PostgreSQL server, found the way tests find it. */
class DatabaseProvisionerTest {

    private static DatabaseProvisioner provisioner;

    private final List<String> databases = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();

    @BeforeAll
    static void findServer() {
        provisioner = new DatabaseProvisioner(
                PostgresDiscovery.discover(InfraEnvironment.system(), DockerProbe.testcontainers()));
    }

    @AfterEach
    void cleanUp() {
        databases.forEach(provisioner::drop);
        roles.forEach(provisioner::dropRole);
    }

    @Test
    void twoFreshDatabasesAreDistinctAndIsolated() throws SQLException {
        TestDatabase first = fresh("Isolation");
        TestDatabase second = fresh("Isolation");

        assertThat(first.name()).isNotEqualTo(second.name());
        assertThat(first.jdbcUrl()).endsWith("/" + first.name());
        execute(first, "CREATE TABLE protective_order (id bigint PRIMARY KEY)");
        execute(first, "INSERT INTO protective_order VALUES (1)");

        assertThat(tables(first)).containsExactly("protective_order");
        assertThat(tables(second)).isEmpty();
    }

    @Test
    void freshDatabaseNamesAreValidBoundedAndCarryTheirCreationTime() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestDatabase database = fresh("Order-Service IT: a very long test class name that goes on and on and on");

        assertThat(database.name())
                .startsWith("qt_order_service_it_a_very_long")
                .matches("[a-z_][a-z0-9_]*")
                .hasSizeLessThanOrEqualTo(63);
        assertThat(DatabaseProvisioner.testDatabaseCreatedAt(database.name()))
                .hasValueSatisfying(createdAt -> assertThat(createdAt).isBetween(before, Instant.now()));
        assertThat(provisioner.databaseExists(database.name())).isTrue();
        assertThat(provisioner.testDatabases()).contains(database.name());
    }

    @Test
    void ensureServiceDatabaseIsIdempotentAndTheRoleOwnsItsDatabase() throws SQLException {
        String suffix = uniqueSuffix();
        String database = "qsvc_orders_" + suffix;
        String role = "qsvc_orders_" + suffix + "_app";
        String password = "it's a \"tricky\" pass\\word";
        databases.add(database);
        roles.add(role);

        ServiceDatabase created = provisioner.ensureServiceDatabase(database, role, password);
        ServiceDatabase again = provisioner.ensureServiceDatabase(database, role, password);

        assertThat(again).isEqualTo(created);
        assertThat(created.jdbcUrl()).isEqualTo(provisioner.jdbcUrl(database));
        try (Connection connection = DriverManager.getConnection(created.jdbcUrl(), role, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE outbox (id bigint PRIMARY KEY, payload text)");
            statement.execute("INSERT INTO outbox VALUES (1, 'issued')");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(role);
            }
        }
    }

    @Test
    void oneServiceRoleCannotConnectToAnotherServicesDatabase() {
        String suffix = uniqueSuffix();
        ServiceDatabase orders = service("qsvc_orders_" + suffix);
        ServiceDatabase audit = service("qsvc_audit_" + suffix);

        assertThatThrownBy(() -> DriverManager.getConnection(audit.jdbcUrl(), orders.role(), orders.password())
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
    }

    @Test
    void dropRemovesTheDatabaseAndIsIdempotent() {
        TestDatabase database = fresh("drop");
        assertThat(provisioner.databaseExists(database.name())).isTrue();

        provisioner.drop(database.name());
        provisioner.drop(database.name());

        assertThat(provisioner.databaseExists(database.name())).isFalse();
    }

    @Test
    void dropForcesOpenConnectionsClosed() throws SQLException {
        TestDatabase database = fresh("drop_busy");
        try (Connection open = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            provisioner.drop(database.name());

            assertThat(provisioner.databaseExists(database.name())).isFalse();
        }
    }

    @Test
    void staleCleanupDropsOnlyOldTestDatabases() {
        TestDatabase stale =
                provisioner.createFreshDatabase("stale", Instant.now().minus(Duration.ofHours(3)));
        databases.add(stale.name());
        TestDatabase recent = fresh("stale");
        String suffix = uniqueSuffix();
        ServiceDatabase service = service("qt_" + suffix);

        List<String> dropped = provisioner.dropStaleTestDatabases(Duration.ofHours(1));

        assertThat(dropped).contains(stale.name()).doesNotContain(recent.name(), service.name());
        assertThat(provisioner.databaseExists(stale.name())).isFalse();
        assertThat(provisioner.databaseExists(recent.name())).isTrue();
        assertThat(provisioner.databaseExists(service.name())).isTrue();
    }

    @Test
    void badNamesAndSystemDatabasesAreRefused() {
        assertThatThrownBy(() -> provisioner.ensureServiceDatabase("orders\"; DROP DATABASE x; --", "r", "p"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provisioner.ensureServiceDatabase("Orders", "orders", "p"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provisioner.ensureServiceDatabase("a".repeat(64), "orders", "p"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provisioner.ensureServiceDatabase("orders", "pg_monitor", "p"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provisioner.drop("postgres")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provisioner.drop("template1")).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------------------------------------

    private TestDatabase fresh(String prefix) {
        TestDatabase database = provisioner.createFreshDatabase(prefix);
        databases.add(database.name());
        return database;
    }

    private ServiceDatabase service(String name) {
        databases.add(name);
        roles.add(name + "_app");
        return provisioner.ensureServiceDatabase(
                name, name + "_app", UUID.randomUUID().toString());
    }

    private static String uniqueSuffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> tables(TestDatabase database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
