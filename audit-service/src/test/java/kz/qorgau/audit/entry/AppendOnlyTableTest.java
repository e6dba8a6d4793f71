package kz.qorgau.audit.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import kz.qorgau.audit.RuntimeRole;
import kz.qorgau.audit.tree.StoredTree;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import kz.qorgau.auditlog.RecordHeader;
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
    /** SQLSTATE check_violation. */
    static final String CHECK_VIOLATION = "23514";

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
    void theRuntimeRoleAppendsVersion2EntriesAndTheyReadBackAsAppended() throws SQLException {
        try (Connection connection = runtimeRole.connect(infrastructure.database())) {
            JdbcClient asRuntimeRole = client(connection);
            AuditEntry unreadable = new AuditEntry(
                    CanonicalEncoding.VERSION_2,
                    AuditLog.head(asRuntimeRole).size() + 1,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "qorgau.orders",
                    0,
                    7,
                    Instant.parse("2026-03-01T10:15:31.000001Z"),
                    null,
                    new byte[] {(byte) 0xff, 0},
                    List.of(new RecordHeader("ce_type", "kz.qorgau\0".getBytes(StandardCharsets.UTF_8))),
                    "[field=ce_type] must be kz.qorgau.<aggregate>.<event>.v<N>");
            append(asRuntimeRole, unreadable);

            StoredEntry stored = asRuntimeRole
                    .sql("SELECT " + AuditLog.COLUMNS + " FROM audit_entry WHERE sequence = ?")
                    .param(unreadable.sequence())
                    .query(AuditLog.ROWS)
                    .single();
            assertThat(stored.entry()).isEqualTo(unreadable);
            assertThat(stored.leafHash()).isEqualTo(LeafHash.of(unreadable));
        }
    }

    @Test
    void theTableRefusesARowItsEncodingVersionCannotHold() throws SQLException {
        try (Connection connection = runtimeRole.connect(infrastructure.database())) {
            JdbcClient asRuntimeRole = client(connection);
            AuditLog.Head head = AuditLog.head(asRuntimeRole);
            // Version 1 without a payload: only version 2 can say that a record had no value.
            assertSqlState(
                    () -> asRuntimeRole
                            .sql(
                                    """
                                    INSERT INTO audit_entry (sequence, event_id, type, source, subject, subject_sequence,
                                        event_time, topic, kafka_partition, kafka_offset, recorded_at, payload, leaf_hash,
                                        chain_hash, encoding_version)
                                    VALUES (?, gen_random_uuid(), 't', 's', 'o', 1, now(), 'qorgau.orders', 0, 0, now(),
                                        NULL, ?, ?, 1)""")
                            .params(
                                    head.size() + 1,
                                    new byte[32],
                                    HashChain.next(head.chainHash(), new LeafHash(new byte[32]))
                                            .bytes())
                            .update(),
                    CHECK_VIOLATION);
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
    void theTreeAndTheCheckpointsAreAppendOnlyToo() {
        assertRefusedToOwner("UPDATE audit_tree_node SET hash = hash", "UPDATE");
        assertRefusedToOwner("DELETE FROM audit_checkpoint", "DELETE");
        assertRefusedToRuntimeRole("UPDATE audit_tree_node SET hash = hash");
        assertRefusedToRuntimeRole("DELETE FROM audit_checkpoint");
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

    /**
     * A poll's entries go in one statement (docs/adr/0041): the trigger sees the rows before each one in the same
     * statement, so two that follow one another pass, and a statement whose second row skips one is refused whole.
     */
    @Test
    void entriesInsertedInOneStatementAreEachHeldToTheOneBefore() throws SQLException {
        try (Connection connection = runtimeRole.connect(infrastructure.database())) {
            JdbcClient asRuntimeRole = client(connection);
            AuditLog.Head head = AuditLog.head(asRuntimeRole);
            StoredEntry first = stored(entry(head.size() + 1), head.chainHash());
            StoredEntry skipping = stored(entry(head.size() + 3), first.chainHash());
            assertSqlState(() -> AuditLog.insertAll(asRuntimeRole, List.of(first, skipping)), OUT_OF_LINE);
            StoredEntry unchained = stored(entry(head.size() + 2), HashChain.GENESIS);
            assertSqlState(() -> AuditLog.insertAll(asRuntimeRole, List.of(first, unchained)), OUT_OF_LINE);
            assertThat(AuditLog.head(asRuntimeRole)).as("nothing of either").isEqualTo(head);

            StoredEntry second = stored(entry(head.size() + 2), first.chainHash());
            AuditLog.insertAll(asRuntimeRole, List.of(first, second));
            assertThat(AuditLog.head(asRuntimeRole).size()).isEqualTo(head.size() + 2);
            assertThat(AuditLog.head(asRuntimeRole).chainHash()).isEqualTo(second.chainHash());
        }
    }

    private static StoredEntry stored(AuditEntry entry, ChainHash previous) {
        LeafHash leaf = LeafHash.of(entry);
        return new StoredEntry(entry, leaf, HashChain.next(previous, leaf));
    }

    /**
     * Crypto-shredding's keys and holds (docs/adr/0031): the runtime role adds keys and holds, lifts a hold, and
     * destroys a key only through audit_destroy_subject_key; no key is destroyed under a legal hold, whoever
     * asks; neither table loses a row.
     */
    @Test
    void keysAreDestroyedOnlyThroughTheFunctionAndNeverUnderALegalHold() throws SQLException {
        String held = "hold-" + UUID.randomUUID();
        String free = "free-" + UUID.randomUUID();
        try (Connection connection = runtimeRole.connect(infrastructure.database())) {
            JdbcClient asRuntimeRole = client(connection);
            for (String subject : List.of(held, free)) {
                asRuntimeRole
                        .sql("INSERT INTO audit_subject_key (name, subject, wrapped_key, kek_id, created_at)"
                                + " VALUES (?, ?, ?, 'k1', now())")
                        .params("subject:" + subject, subject, new byte[60])
                        .update();
            }
            asRuntimeRole
                    .sql("INSERT INTO audit_legal_hold (subject, case_reference, placed_by, placed_at)"
                            + " VALUES (?, 'case-1', 'auditor', now())")
                    .param(held)
                    .update();
        }
        assertRefusedToRuntimeRole("UPDATE audit_subject_key SET wrapped_key = NULL, destroyed_at = now()");
        assertRefusedToRuntimeRole("DELETE FROM audit_subject_key");
        assertRefusedToRuntimeRole("DELETE FROM audit_legal_hold");
        assertRefusedToRuntimeRole("UPDATE audit_legal_hold SET subject = 'another'");
        // Under a hold: refused by the key table's trigger, to the runtime role's function and to the owner.
        TestDatabase database = infrastructure.database();
        assertThatThrownBy(() -> execute(
                        runtimeRole.connect(database),
                        "SELECT audit_destroy_subject_key('subject:" + held + "', now())"))
                .isInstanceOfSatisfying(
                        SQLException.class,
                        e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(REFUSED_BY_TRIGGER))
                .hasMessageContaining("under a legal hold");
        assertThatThrownBy(() -> execute(
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password()),
                        "UPDATE audit_subject_key SET wrapped_key = NULL, destroyed_at = now() WHERE subject = '" + held
                                + "'"))
                .isInstanceOfSatisfying(
                        SQLException.class,
                        e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(REFUSED_BY_TRIGGER));
        try (Connection connection = runtimeRole.connect(database)) {
            JdbcClient asRuntimeRole = client(connection);
            assertThat(asRuntimeRole
                            .sql("SELECT audit_destroy_subject_key(?, now())")
                            .param("subject:" + free)
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            // Once: a destroyed key is not destroyed again, nor brought back.
            assertThat(asRuntimeRole
                            .sql("SELECT audit_destroy_subject_key(?, now())")
                            .param("subject:" + free)
                            .query(Boolean.class)
                            .single())
                    .isFalse();
            // The hold lifted, the held key can go.
            asRuntimeRole
                    .sql("UPDATE audit_legal_hold SET lifted_by = 'auditor', lifted_at = now() WHERE subject = ?")
                    .param(held)
                    .update();
            assertThat(asRuntimeRole
                            .sql("SELECT audit_destroy_subject_key(?, now())")
                            .param("subject:" + held)
                            .query(Boolean.class)
                            .single())
                    .isTrue();
        }
        assertThatThrownBy(() -> execute(
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password()),
                        "UPDATE audit_legal_hold SET lifted_at = NULL, lifted_by = NULL WHERE subject = '" + held
                                + "'"))
                .isInstanceOfSatisfying(
                        SQLException.class,
                        e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(REFUSED_BY_TRIGGER));
    }

    private static void assertRefusedToOwner(String sql, String operation) {
        TestDatabase database = infrastructure.database();
        assertThatThrownBy(() -> execute(
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password()), sql))
                .isInstanceOfSatisfying(
                        SQLException.class,
                        e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(REFUSED_BY_TRIGGER))
                .hasMessageContaining(table(sql) + " is append-only: " + operation + " is refused");
    }

    /** The table a statement of these tests names. */
    private static String table(String sql) {
        return sql.contains("audit_tree_node")
                ? "audit_tree_node"
                : sql.contains("audit_checkpoint") ? "audit_checkpoint" : "audit_entry";
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
        // As the writer does: the tree's nodes too, which the runtime role may insert.
        StoredTree.appended(jdbc, entry.sequence(), leaf.bytes());
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
