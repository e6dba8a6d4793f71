package kz.qorgau.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kz.qorgau.audit.entry.AuditLog;
import kz.qorgau.audit.entry.StoredEntry;
import kz.qorgau.audit.tree.StoredTree;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import kz.qorgau.auditlog.NodeId;
import kz.qorgau.infrastructure.postgres.ServiceDatabase;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The audit parts' kept databases ({@code qorgau_bench_audit_*}): audit-service's own migrations, and a trail
 * of generated entries ({@link AuditTrailGenerator}) loaded by COPY in committed batches, entries and tree nodes
 * of a batch in one transaction, as the writer commits them. The table's own trigger checks that every entry
 * follows the last and extends the chain. An interrupted build resumes.
 */
final class AuditTrailDatabase {

    static final int BATCH = 50_000;

    private static final String COPY_ENTRIES = "COPY audit_entry (" + AuditLog.COLUMNS + ") FROM STDIN (FORMAT csv)";
    private static final String COPY_NODES = "COPY audit_tree_node (level, node_index, hash) FROM STDIN (FORMAT csv)";

    private AuditTrailDatabase() {}

    /** The kept database {@code qorgau_bench_<name>}, migrated as audit-service migrates its own. */
    static ServiceDatabase migrated(BenchContext context, String name) {
        ServiceDatabase database = context.database(name);
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.role(), database.password())
                .locations("classpath:db/migration")
                // The bench's role owns the tables and appends: nothing to grant (as on the local stack).
                .placeholders(Map.of("runtime_role", database.role()))
                .load()
                .migrate();
        return database;
    }

    static Connection connect(ServiceDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.role(), database.password());
    }

    /** One connection for the whole run, as a data source; {@code counter} counts its queries and rows. */
    static SingleConnectionDataSource dataSource(ServiceDatabase database) {
        SingleConnectionDataSource dataSource =
                new SingleConnectionDataSource(database.jdbcUrl(), database.role(), database.password(), true);
        dataSource.setAutoCommit(true);
        return dataSource;
    }

    static long size(ServiceDatabase database) {
        SingleConnectionDataSource dataSource = dataSource(database);
        try {
            return AuditLog.head(JdbcClient.create(dataSource)).size();
        } finally {
            dataSource.destroy();
        }
    }

    /**
     * Adds generated entries until the trail holds {@code entries}; returns how many it added. Prints its
     * progress under {@code label}.
     */
    static long fill(ServiceDatabase database, long entries, String label) throws SQLException, IOException {
        SingleConnectionDataSource reader = dataSource(database);
        try (Connection connection = connect(database)) {
            JdbcClient readerJdbc = JdbcClient.create(reader);
            AuditLog.Head head = AuditLog.head(readerJdbc);
            if (head.size() >= entries) {
                return 0;
            }
            AuditTrailGenerator generator =
                    new AuditTrailGenerator(head.size(), head.chainHash(), new StoredTree(readerJdbc));
            connection.setAutoCommit(false);
            PGConnection copier = connection.unwrap(PGConnection.class);
            while (generator.size() < entries) {
                long batch = Math.min(BATCH, entries - generator.size());
                List<String> nodes = new ArrayList<>();
                try (Writer rows = new BufferedWriter(
                        new OutputStreamWriter(new PGCopyOutputStream(copier, COPY_ENTRIES), StandardCharsets.UTF_8),
                        1 << 16)) {
                    for (long i = 0; i < batch; i++) {
                        AuditTrailGenerator.Appended appended = generator.next();
                        rows.write(entryRow(appended.stored()));
                        appended.nodes().forEach((node, hash) -> nodes.add(nodeRow(node, hash)));
                    }
                }
                try (Writer rows = new BufferedWriter(
                        new OutputStreamWriter(new PGCopyOutputStream(copier, COPY_NODES), StandardCharsets.UTF_8),
                        1 << 16)) {
                    for (String node : nodes) {
                        rows.write(node);
                    }
                }
                connection.commit();
                if (generator.size() % 1_000_000 == 0 || generator.size() == entries) {
                    System.out.printf("  %s: %,d of %,d entries%n", label, generator.size(), entries);
                }
            }
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                statement.execute("ANALYZE audit_entry");
                statement.execute("ANALYZE audit_tree_node");
            }
            return entries - head.size();
        } finally {
            reader.destroy();
        }
    }

    /** A row of {@code audit_entry} in COPY's CSV, the columns of {@link AuditLog#COLUMNS} as its insert fills them. */
    static String entryRow(StoredEntry stored) {
        AuditEntry entry = stored.entry();
        List<String> fields = new ArrayList<>(21);
        fields.add(Long.toString(entry.sequence()));
        fields.add(text(entry.eventId()));
        fields.add(text(entry.type()));
        fields.add(text(entry.source()));
        fields.add(text(entry.subject()));
        fields.add(text(entry.subjectSequence()));
        fields.add(
                entry.time() == null
                        ? ""
                        : entry.time().atOffset(ZoneOffset.UTC).toString());
        fields.add(text(entry.dataContentType()));
        fields.add(text(entry.dataSchema()));
        fields.add(text(entry.topic()));
        fields.add(Integer.toString(entry.partition()));
        fields.add(Long.toString(entry.offset()));
        fields.add(entry.recordedAt().atOffset(ZoneOffset.UTC).toString());
        fields.add(bytea(entry.payload()));
        fields.add(bytea(stored.leafHash().bytes()));
        fields.add(bytea(stored.chainHash().bytes()));
        fields.add(Integer.toString(entry.version()));
        fields.add(bytea(entry.key()));
        fields.add(entry.headers() == null ? "" : bytea(CanonicalEncoding.headers(entry.headers())));
        fields.add(text(entry.unreadable()));
        fields.add(text(entry.payloadKey()));
        return String.join(",", fields) + "\n";
    }

    static String nodeRow(NodeId node, byte[] hash) {
        return node.level() + "," + node.index() + "," + bytea(hash) + "\n";
    }

    /** NULL is an empty unquoted field; text is always quoted, so an empty text stays empty. */
    private static String text(Object value) {
        return value == null ? "" : "\"" + value.toString().replace("\"", "\"\"") + "\"";
    }

    private static String bytea(byte[] value) {
        return value == null ? "" : "\\x" + HexFormat.of().formatHex(value);
    }

    /**
     * Counts what goes through a data source: statements executed and rows read (single-threaded use). The
     * proof part reads it around each proof.
     */
    static final class Reads {

        private long queries;
        private long rows;

        long queries() {
            return queries;
        }

        long rows() {
            return rows;
        }

        DataSource counting(DataSource target) {
            return wrap(DataSource.class, target);
        }

        @SuppressWarnings("unchecked")
        private <T> T wrap(Class<T> type, T target) {
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                Object result;
                try {
                    result = method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                String name = method.getName();
                if (name.equals("unwrap")) {
                    return result;
                }
                if (result instanceof java.sql.ResultSet resultSet) {
                    if (name.equals("executeQuery")) {
                        queries++;
                    }
                    return wrap(java.sql.ResultSet.class, resultSet);
                }
                if (result instanceof java.sql.PreparedStatement statement) {
                    return wrap(java.sql.PreparedStatement.class, statement);
                }
                if (result instanceof java.sql.Statement statement) {
                    return wrap(java.sql.Statement.class, statement);
                }
                if (result instanceof Connection connection) {
                    return wrap(Connection.class, connection);
                }
                if (name.equals("next") && Boolean.TRUE.equals(result)) {
                    rows++;
                }
                if ((name.equals("execute") || name.equals("executeUpdate")) && target instanceof java.sql.Statement) {
                    queries++;
                }
                return result;
            });
        }
    }
}
