package kz.qorgau.audit.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.audit.tree.StoredTree;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.InMemoryTree;
import kz.qorgau.infrastructure.postgres.TestDatabase;
import kz.qorgau.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V3 builds the tree of a trail that existed before it, as the writer would have, and the writer carries
 * on from there: every root of every size is the RFC 6962 root of the stored leaves.
 */
class TreeMigrationTest {

    @Test
    void theMigrationBuildsTheTreeOfTheEntriesBeforeItAndTheWriterCarriesOn() throws SQLException {
        try (TestInfrastructure infrastructure = TestInfrastructure.create("TreeMigrationTest", false)) {
            TestDatabase database = infrastructure.database();
            Builder flyway = () -> Flyway.configure()
                    .dataSource(database.jdbcUrl(), database.user(), database.password())
                    .placeholders(Map.of("runtime_role", database.user()));
            flyway.configure().target("2").load().migrate();
            InMemoryTree expected = new InMemoryTree();
            try (Connection connection =
                    DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
                JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                for (long sequence = 1; sequence <= 37; sequence++) {
                    expected.append(append(jdbc, sequence, false));
                }
                flyway.configure().load().migrate();
                for (long sequence = 38; sequence <= 45; sequence++) {
                    expected.append(append(jdbc, sequence, true));
                }
                StoredTree tree = new StoredTree(jdbc);
                for (long size = 1; size <= 45; size++) {
                    assertThat(tree.root(size)).as("root of %d", size).isEqualTo(expected.root(size));
                }
                assertThat(jdbc.sql("SELECT count(*) FROM audit_tree_node")
                                .query(Long.class)
                                .single())
                        .as("one node per entry but the first, less one per set bit of the size")
                        .isEqualTo(45 - Long.bitCount(45));
            }
        }
    }

    /** Appends an entry as the writer did before V3, or, with {@code tree}, as it does now. */
    private static byte[] append(JdbcClient jdbc, long sequence, boolean tree) {
        AuditEntry entry = new AuditEntry(
                sequence,
                UUID.randomUUID(),
                "kz.qorgau.order.issued.v1",
                "/qorgau/order-service",
                UUID.randomUUID().toString(),
                1,
                Instant.parse("2026-03-01T10:15:30.000001Z"),
                "application/json",
                null,
                "qorgau.orders",
                0,
                sequence,
                Instant.parse("2026-03-01T10:15:31.000001Z"),
                ("{\"n\":" + sequence + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        LeafHash leaf = LeafHash.of(entry);
        ChainHash chain = HashChain.next(AuditLog.head(jdbc).chainHash(), leaf);
        if (tree) {
            AuditLog.insert(jdbc, new StoredEntry(entry, leaf, chain));
        } else {
            // As the writer did before V3 (and before V4's payload_key column).
            jdbc.sql("INSERT INTO audit_entry (sequence, event_id, type, source, subject, subject_sequence, event_time,"
                            + " data_content_type, topic, kafka_partition, kafka_offset, recorded_at, payload, leaf_hash,"
                            + " chain_hash, encoding_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")
                    .params(
                            entry.sequence(),
                            entry.eventId(),
                            entry.type(),
                            entry.source(),
                            entry.subject(),
                            entry.subjectSequence(),
                            java.time.OffsetDateTime.ofInstant(entry.time(), java.time.ZoneOffset.UTC),
                            entry.dataContentType(),
                            entry.topic(),
                            entry.partition(),
                            entry.offset(),
                            java.time.OffsetDateTime.ofInstant(entry.recordedAt(), java.time.ZoneOffset.UTC),
                            entry.payload(),
                            leaf.bytes(),
                            chain.bytes())
                    .update();
        }
        if (tree) {
            StoredTree.appended(jdbc, sequence, leaf.bytes());
        }
        return leaf.bytes();
    }

    /** Flyway's configuration, made afresh for each migration. */
    @FunctionalInterface
    private interface Builder {
        org.flywaydb.core.api.configuration.FluentConfiguration configure();
    }
}
