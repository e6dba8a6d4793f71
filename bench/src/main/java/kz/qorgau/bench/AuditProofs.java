package kz.qorgau.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import kz.qorgau.audit.proof.BenchProofs;
import kz.qorgau.auditlog.Proofs;
import kz.qorgau.infrastructure.postgres.ServiceDatabase;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Proofs of the trail at 1 and 10 million entries (issue 15): audit-service's own proof code ({@link
 * BenchProofs}: what GET /api/v1/audit/proofs/inclusion and /consistency do, without HTTP and JSON) on one
 * connection, for random entries and sizes of a trail kept in {@code qorgau_bench_audit_1m} and {@code
 * qorgau_bench_audit_10m} (built once, {@link AuditTrailDatabase}). Counts the queries and rows each proof
 * reads, and checks every proof against the root it came with. Goal: under 5 ms, O(log n) reads.
 */
final class AuditProofs implements BenchPart {

    static final double GOAL_MILLIS = 5;
    static final int WARM_UP_PROOFS = 500;
    static final int MIN_PROOFS = 1_000;

    /** The trails measured, by name: {@code --quick} only the smaller. */
    record Trail(String database, long entries, String label) {}

    static final Trail ONE_MILLION = new Trail("audit_1m", 1_000_000, "1 M");
    static final Trail TEN_MILLION = new Trail("audit_10m", 10_000_000, "10 M");

    @Override
    public String name() {
        return "audit-proofs";
    }

    @Override
    public String description() {
        return "inclusion and consistency proofs at 1 and 10 million entries, reads per proof (goal p99 < 5 ms,"
                + " O(log n) reads)";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        boolean quick = context.step().toSeconds() < 10;
        List<Measurement> results = new ArrayList<>();
        for (Trail trail : quick ? List.of(ONE_MILLION) : List.of(ONE_MILLION, TEN_MILLION)) {
            ServiceDatabase database = built(context, trail, name(), results);
            results.addAll(measure(database, trail, context.step().toMillis()));
        }
        return results;
    }

    /** The trail's kept database, built on first use; adds the build's figure to {@code results}. */
    static ServiceDatabase built(BenchContext context, Trail trail, String part, List<Measurement> results)
            throws Exception {
        ServiceDatabase database = AuditTrailDatabase.migrated(context, trail.database());
        long started = System.nanoTime();
        long added = AuditTrailDatabase.fill(database, trail.entries(), part + " " + trail.label());
        double seconds = (System.nanoTime() - started) / 1e9;
        results.add(Measurement.limit(
                part,
                "entries in the trail (" + trail.label() + ")",
                AuditTrailDatabase.size(database),
                "entries",
                added == 0
                        ? "kept from an earlier run (qorgau_bench_" + trail.database() + ")"
                        : String.format(
                                Locale.ROOT,
                                "%,d generated and loaded by COPY now in %.0f s (%,.0f entries/s, tree nodes included)",
                                added,
                                seconds,
                                added / seconds)));
        return database;
    }

    private List<Measurement> measure(ServiceDatabase database, Trail trail, long millis) {
        SingleConnectionDataSource connection = AuditTrailDatabase.dataSource(database);
        try {
            AuditTrailDatabase.Reads reads = new AuditTrailDatabase.Reads();
            BenchProofs proofs = new BenchProofs(JdbcClient.create(reads.counting(connection)));
            long size = trail.entries();
            SplittableRandom random = new SplittableRandom(trail.entries());
            List<Measurement> results = new ArrayList<>();
            for (boolean inclusion : new boolean[] {true, false}) {
                Histogram micros = new Histogram(3);
                long maxQueries = 0;
                long maxRows = 0;
                long totalRows = 0;
                long count = 0;
                long end = Long.MAX_VALUE;
                // The first WARM_UP_PROOFS are checked, not recorded.
                for (int i = 0; count < MIN_PROOFS || System.nanoTime() < end; i++) {
                    if (i == WARM_UP_PROOFS) {
                        end = System.nanoTime() + millis * 1_000_000;
                    }
                    long queries = reads.queries();
                    long rows = reads.rows();
                    long first = random.nextLong(1, inclusion ? size + 1 : size);
                    long started = System.nanoTime();
                    Object answer = inclusion ? proofs.inclusion(first, size) : proofs.consistency(first, size);
                    long micro = Math.max(1, (System.nanoTime() - started) / 1_000);
                    if (i >= WARM_UP_PROOFS) {
                        micros.recordValue(micro);
                        maxQueries = Math.max(maxQueries, reads.queries() - queries);
                        maxRows = Math.max(maxRows, reads.rows() - rows);
                        totalRows += reads.rows() - rows;
                        count++;
                    }
                    new Proved(inclusion, first, size, BenchProofs.decoded(answer)).check();
                }
                String what = (inclusion ? "inclusion proof" : "consistency proof") + " (" + trail.label() + ")";
                results.addAll(Measurement.percentiles(
                        name(),
                        what,
                        micros,
                        "p99 < " + (int) GOAL_MILLIS + " ms",
                        String.format(
                                Locale.ROOT, "%,d proofs on one connection, each checked against its root", count)));
                results.add(Measurement.limit(
                        name(),
                        what + ": queries per proof, most",
                        maxQueries,
                        "queries",
                        "the head, the proof's hashes, the leaf, the roots: as the API reads them"));
                results.add(Measurement.limit(
                        name(),
                        what + ": rows read per proof, most",
                        maxRows,
                        "rows",
                        String.format(
                                Locale.ROOT,
                                "mean %.1f; log2(n) = %.1f",
                                totalRows / (double) count,
                                Math.log(size) / Math.log(2))));
            }
            return results;
        } finally {
            connection.destroy();
        }
    }

    /** A proof and what checks it. */
    private record Proved(boolean inclusion, long first, long size, BenchProofs.Proof proof) {

        void check() {
            boolean verified = inclusion
                    ? Proofs.verifyInclusion(first - 1, size, proof.leafHash(), proof.hashes(), proof.root())
                    : Proofs.verifyConsistency(first, size, proof.hashes(), proof.firstRoot(), proof.root());
            if (!verified) {
                throw new IllegalStateException(
                        (inclusion ? "The inclusion proof of entry " : "The consistency proof from ") + first
                                + " in the trail of " + size + " does not verify: the data set is wrong");
            }
        }
    }
}
