package kz.qorgau.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import kz.qorgau.audit.entry.BenchAppender;
import kz.qorgau.infrastructure.postgres.ServiceDatabase;

/**
 * The audit writer's append rate (issue 15): audit-service's own appender on its own writer session ({@link
 * BenchAppender}), one transaction per Kafka poll (docs/adr/0041: the poll's duplicate check and the head, then for
 * each entry its subject key, sealing, canonical encoding, leaf and chain hash, INSERT with the table's trigger and
 * the tree nodes it completes; one COMMIT), against a plain INSERT+COMMIT loop of a row of the same stored size. Both
 * at one client: the trail has one writer. Polls of one record (a writer keeping up: every record its own commit)
 * and of {@value #BACKLOG_POLL} (a writer catching up). Kafka's poll and the decoding of the record are not in it.
 * Goal: at least 0.8 of the plain loop.
 *
 * <p>The trail grows in its kept database ({@code qorgau_bench_audit_append}) from run to run, as a real one.
 */
final class AuditAppend implements BenchPart {

    static final double GOAL_RATIO = 0.8;

    /** Records in a poll of a writer catching up; Kafka hands up to 500. */
    static final int BACKLOG_POLL = 100;
    /** Of a {@code bench_insert} row beside its text: the tuple header, id, created_at and the text's length word. */
    static final int PLAIN_ROW_OVERHEAD_BYTES = 24 + 8 + 8 + 4;

    @Override
    public String name() {
        return "audit-append";
    }

    @Override
    public String description() {
        return "audit-service's writer appending entries against INSERT+COMMIT of a row of the same size,"
                + " one client each (goal >= 0.8)";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        ServiceDatabase database = AuditTrailDatabase.migrated(context, "audit_append");
        long millis = context.step().toMillis();
        long before = AuditTrailDatabase.size(database);
        long appended;
        long written;
        double oneByOne;
        double backlog;
        try (BenchAppender writer = new BenchAppender(database.jdbcUrl(), database.role(), database.password())) {
            writer.start(Duration.ofSeconds(30));
            // Warm-up, unrecorded: the JIT and the subject keys' first round trips.
            long next = appendFor(writer, before + 1, BACKLOG_POLL, millis / 2) + 1;
            long first = next;
            written = rowsWritten(database);
            long started = System.nanoTime();
            next = appendFor(writer, next, 1, millis) + 1;
            oneByOne = (next - first) / ((System.nanoTime() - started) / 1e9);
            appended = next - first;
            written = rowsWritten(database) - written;
            long backlogFirst = next;
            started = System.nanoTime();
            next = appendFor(writer, next, BACKLOG_POLL, millis) + 1;
            backlog = (next - backlogFirst) / ((System.nanoTime() - started) / 1e9);
        }
        int rowBytes = storedRowBytes(database, before);
        // The plain row holds as many bytes, incompressible as the entry's hashes and payload mostly are.
        String payload = incompressible(rowBytes - PLAIN_ROW_OVERHEAD_BYTES);
        ServiceDatabase plain = JdbcInsertLimit.prepare(context);
        double insertsPerSecond = JdbcInsertLimit.insertsPerSecond(plain, 1, payload, millis);

        List<Measurement> results = new ArrayList<>();
        results.add(Measurement.limit(
                name(),
                "audit entries appended/s, 1 writer, polls of 1",
                oneByOne,
                "entries/s",
                String.format(
                        Locale.ROOT,
                        "%,d appended after %,d; each its own transaction; %d-byte row, 1 subject key per %d entries",
                        appended,
                        before,
                        rowBytes,
                        AuditTrailGenerator.EVENTS_PER_ORDER)));
        results.add(Measurement.limit(
                name(),
                "audit entries appended/s, 1 writer, polls of " + BACKLOG_POLL,
                backlog,
                "entries/s",
                "a writer catching up: one transaction per poll"));
        results.add(Measurement.limit(
                name(),
                "rows written per entry",
                written / (double) appended,
                "rows",
                "the entry, the tree nodes it completes, its subject's key when it is the first"));
        results.add(Measurement.limit(
                name(),
                "INSERT+COMMIT/s of a " + rowBytes + "-byte row, 1 client",
                insertsPerSecond,
                "rows/s",
                "the plain loop at the writer's concurrency"));
        results.add(new Measurement(
                name(),
                "appends ÷ plain inserts, polls of 1",
                oneByOne / insertsPerSecond,
                "ratio",
                "≥ " + GOAL_RATIO,
                ""));
        results.add(new Measurement(
                name(),
                "appends ÷ plain inserts, polls of " + BACKLOG_POLL,
                backlog / insertsPerSecond,
                "ratio",
                "≥ " + GOAL_RATIO,
                ""));
        return results;
    }

    /**
     * Appends generated entries from sequence {@code next} in polls of {@code poll} for {@code millis}; returns the
     * last sequence number appended.
     */
    private static long appendFor(BenchAppender writer, long next, int poll, long millis) {
        long last = next - 1;
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            List<kz.qorgau.auditlog.AuditEntry> entries = new ArrayList<>(poll);
            for (int i = 0; i < poll; i++) {
                entries.add(AuditTrailGenerator.entry(last + 1 + i, UUID.randomUUID()));
            }
            last = writer.appendPoll(entries);
        }
        return last;
    }

    /** Rows in the trail's tables that the writer inserts into. */
    private static long rowsWritten(ServiceDatabase database) throws Exception {
        try (Connection connection = AuditTrailDatabase.connect(database);
                PreparedStatement query = connection.prepareStatement("SELECT (SELECT count(*) FROM audit_entry)"
                        + " + (SELECT count(*) FROM audit_tree_node) + (SELECT count(*) FROM audit_subject_key)");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The average stored size of the entries appended after {@code after}, as PostgreSQL counts it. */
    private static int storedRowBytes(ServiceDatabase database, long after) throws Exception {
        try (Connection connection = AuditTrailDatabase.connect(database);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT avg(pg_column_size(a.*))::integer FROM audit_entry a WHERE sequence > ?")) {
            query.setLong(1, after);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    static String incompressible(int length) {
        Random random = new Random(length);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt(94)));
        }
        return text.toString();
    }
}
