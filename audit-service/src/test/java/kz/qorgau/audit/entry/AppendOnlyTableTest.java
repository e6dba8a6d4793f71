package kz.qorgau.audit.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import kz.qorgau.audit.RuntimeRole;
import kz.qorgau.infrastructure.postgres.TestDatabase;
import kz.qorgau.testsupport.TestInfrastructure;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The database itself refuses to change the trail, twice over: the trigger refuses UPDATE, DELETE
 * and TRUNCATE even to the owner (here the admin, a superuser), and the runtime role lacks the
 * privileges. Runs the service's own migrations, as its owner, granting a runtime role of its own.
 */
class AppendOnlyTableTest {

    /** SQLSTATE restrict_violation, raised by the append-only trigger. */
    static final String REFUSED_BY_TRIGGER = "23001";
    /** SQLSTATE insufficient_privilege. */
    static final String REFUSED_BY_PRIVILEGES = "42501";
    /** SQLSTATE integrity_constraint_violation, raised by the follows-the-last trigger. */
    static final String OUT_OF_LINE = "23000";

    static TestInfrastructure infrastructure;
    static RuntimeRole runtimeRole;

    @BeforeAll
    static void migrateAsOwnerAndAppendTwoEntriesAsTheRuntimeRole() throws SQLException {
        infrastructure = TestInfrastructure.create("AppendOnlyTableTest", false);
        runtimeRole = RuntimeRole.createFresh("appendonly");
        TestDatabase database = infrastructure.database();
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .placeholders(Map.of("runtime_role", runtimeRole.name()))
                .load()
                .migrate();
        try (Connection connection = runtimeRole.connect(database)) {
            JdbcClient asRuntimeRole = client(connection);
            append(asRuntimeRole, entry(1));
            append(asRuntimeRole, entry(2));
        }
    }

    @AfterAll
    static void dropRoleAndDatabase() {
        if (runtimeRole != null) {
            runtimeRole.dropIn(infrastructure.database());
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void theRuntimeRoleCanReadAndAppend() throws SQLException {
        try (Connection connection = runtimeRole.connect(infrastructure.database())) {
            JdbcClient asRuntimeRole = client(connection);
            assertThat(AuditLog.head(asRuntimeRole).size()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void updateIsRefusedByTheTriggerEvenToTheOwner() {
        assertRefusedToOwner("UPDATE audit_entry SET type = 'kz.qorgau.forged.v1' WHERE sequence = 1", "UPDATE");
    }

    @Test
    void deleteIsRefusedByTheTriggerEvenToTheOwner() {
        assertRefusedToOwner("DELETE FROM audit_entry WHERE sequence = 2", "DELETE");
    }

    @Test
    void truncateIsRefusedByTheTriggerEvenToTheOwner() {
        assertRefusedToOwner("TRUNCATE audit_entry", "TRUNCATE");
    }

    @Test
    void evenAStatementThatMatchesNoRowIsRefused() {
        assertRefusedToOwner("DELETE FROM audit_entry WHERE false", "DELETE");
    }

    @Test
    void updateIsRefusedToTheRuntimeRoleByPrivileges() {
        assertRefusedToRuntimeRole("UPDATE audit_entry SET type = 'kz.qorgau.forged.v1' WHERE sequence = 1");
    }

    @Test
    void deleteIsRefusedToTheRuntimeRoleByPrivileges() {
        assertRefusedToRuntimeRole("DELETE FROM audit_entry WHERE sequence = 2");
    }

    @Test
    void truncateIsRefusedToTheRuntimeRoleByPrivileges() {
        assertRefusedToRuntimeRole("TRUNCATE audit_entry");
    }

    @Test
    void theRuntimeRoleCannotDisableTheTrigger() {
        assertRefusedToRuntimeRole("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
    }

    @Test
    void anEntryThatDoesNotFollowTheLastIsRefused() throws SQLException {
        try (Connection connection = runtimeRole.connect(infrastructure.database())) {
            JdbcClient asRuntimeRole = client(connection);
            AuditLog.Head head = AuditLog.head(asRuntimeRole);
            AuditEntry skipping = entry(head.size() + 2);
            LeafHash leaf = LeafHash.of(skipping);
            assertSqlState(
                    () -> AuditLog.insert(
                            asRuntimeRole, new StoredEntry(skipping, leaf, HashChain.next(head.chainHash(), leaf))),
                    OUT_OF_LINE);

            AuditEntry next = entry(head.size() + 1);
            LeafHash nextLeaf = LeafHash.of(next);
            assertSqlState(
                    () -> AuditLog.insert(
                            asRuntimeRole,
                            new StoredEntry(next, nextLeaf, HashChain.next(HashChain.GENESIS, nextLeaf))),
                    OUT_OF_LINE);
        }
    }

    private static void assertRefusedToOwner(String sql, String operation) {
        TestDatabase database = infrastructure.database();
        assertThatThrownBy(() -> execute(
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password()), sql))
                .isInstanceOfSatisfying(
                        SQLException.class,
                        e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(REFUSED_BY_TRIGGER))
                .hasMessageContaining("audit_entry is append-only: " + operation + " is refused");
    }

    private static void assertRefusedToRuntimeRole(String sql) {
        assertThatThrownBy(() -> execute(runtimeRole.connect(infrastructure.database()), sql))
                .isInstanceOfSatisfying(
                        SQLException.class,
                        e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(REFUSED_BY_PRIVILEGES));
    }

    private static void assertSqlState(ThrowingCallable call, String sqlState) {
        assertThatThrownBy(call).hasRootCauseInstanceOf(SQLException.class).satisfies(e -> {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(((SQLException) root).getSQLState())
                    .as(root.getMessage())
                    .isEqualTo(sqlState);
        });
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (connection;
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static JdbcClient client(Connection connection) {
        DataSource single = new SingleConnectionDataSource(connection, true);
        return JdbcClient.create(single);
    }

    private static void append(JdbcClient jdbc, AuditEntry entry) {
        AuditLog.Head head = AuditLog.head(jdbc);
        LeafHash leaf = LeafHash.of(entry);
        AuditLog.insert(jdbc, new StoredEntry(entry, leaf, HashChain.next(head.chainHash(), leaf)));
    }

    private static AuditEntry entry(long sequence) {
        String orderId = UUID.randomUUID().toString();
        return new AuditEntry(
                sequence,
                UUID.randomUUID(),
                "kz.qorgau.order.issued.v1",
                "urn:qorgau:service:order-service",
                orderId,
                1,
                Instant.parse("2026-03-01T10:15:30Z"),
                "application/json",
                "urn:qorgau:events:schema:order.issued.v1",
                "qorgau.orders",
                0,
                sequence,
                Instant.parse("2026-03-01T10:15:31.000001Z"),
                ("{\"orderId\":\"" + orderId + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
