package kz.qorgau.audit.verify;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qorgau.audit.entry.AuditLog;
import kz.qorgau.audit.entry.ChainHash;
import kz.qorgau.audit.entry.HashChain;
import kz.qorgau.audit.entry.LeafHash;
import kz.qorgau.audit.entry.StoredEntry;
import kz.qorgau.audit.platform.AuditProperties;
import kz.qorgau.audit.verify.Verification.Problem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Recomputes every leaf from the stored fields and the chain from the leaves, from entry 1 to the
 * head as it was when verification began. Reads in chunks of {@code qorgau.audit.verify.chunk-size}
 * entries by sequence number, so memory stays flat for millions of entries and no long transaction
 * is held.
 */
@Service
public class AuditVerifier {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifier.class);

    private static final String CHUNK = "SELECT " + AuditLog.COLUMNS
            + " FROM audit_entry WHERE sequence > ? AND sequence <= ? ORDER BY sequence LIMIT ?";

    private final JdbcClient jdbc;
    private final int chunkSize;
    private final MeterRegistry meters;
    /** 1 intact, 0 broken, -1 not verified since this instance started. */
    private final AtomicInteger lastResult = new AtomicInteger(-1);

    public AuditVerifier(JdbcClient jdbc, AuditProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.chunkSize = properties.verify().chunkSize();
        this.meters = meters;
        Gauge.builder("audit.verify.intact", lastResult, AtomicInteger::get)
                .description("Result of the last verification: 1 intact, 0 broken, -1 none since start")
                .register(meters);
    }

    public Verification verify() {
        long started = System.nanoTime();
        Verification result = check(started);
        long nanos = System.nanoTime() - started;
        Timer.builder("audit.verify")
                .description("Verifications of the whole trail")
                .tag("result", result.intact() ? "intact" : "broken")
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
        lastResult.set(result.intact() ? 1 : 0);
        if (result.intact()) {
            log.info("Audit trail intact: {} entries, head {}", result.size(), result.headHash());
        } else {
            log.error(
                    "Audit trail NOT intact: entry {} of {}: {}",
                    result.firstBadSequence(),
                    result.size(),
                    result.detail());
        }
        return result;
    }

    private Verification check(long started) {
        long size = AuditLog.head(jdbc).size();
        ChainHash chain = HashChain.GENESIS;
        long expected = 1;
        while (expected <= size) {
            List<Row> chunk = jdbc.sql(CHUNK)
                    .params(expected - 1, size, chunkSize)
                    .query(ROWS)
                    .list();
            if (chunk.isEmpty()) {
                return broken(
                        size,
                        chain,
                        expected,
                        Problem.SEQUENCE_GAP,
                        "entries from here to the head are missing",
                        started);
            }
            for (Row row : chunk) {
                if (row.sequence() != expected) {
                    return broken(size, chain, expected, Problem.SEQUENCE_GAP, "the entry is missing", started);
                }
                if (row.stored() == null) {
                    return broken(size, chain, expected, Problem.UNREADABLE, row.unreadable(), started);
                }
                LeafHash leaf = LeafHash.of(row.stored().entry());
                if (!leaf.matches(row.stored().leafHash())) {
                    return broken(
                            size,
                            chain,
                            expected,
                            Problem.LEAF_MISMATCH,
                            "the stored fields do not hash to the stored leaf hash",
                            started);
                }
                ChainHash next = HashChain.next(chain, leaf);
                if (!next.matches(row.stored().chainHash())) {
                    return broken(
                            size,
                            chain,
                            expected,
                            Problem.CHAIN_MISMATCH,
                            "the stored chain hash is not SHA-256(previous chain hash, leaf hash)",
                            started);
                }
                chain = next;
                expected++;
            }
        }
        return Verification.intact(size, chain.hex(), millisSince(started));
    }

    private static Verification broken(
            long size, ChainHash lastGood, long sequence, Problem problem, String detail, long started) {
        return Verification.broken(size, lastGood.hex(), sequence, problem, detail, millisSince(started));
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** A row, or why it cannot be an entry: a changed row must be reported, not crash verification. */
    private record Row(long sequence, @Nullable StoredEntry stored, @Nullable String unreadable) {}

    private static final RowMapper<Row> ROWS = (row, number) -> {
        long sequence = row.getLong("sequence");
        try {
            return new Row(sequence, AuditLog.mapRow(row, number), null);
        } catch (IllegalArgumentException | NullPointerException e) {
            return new Row(sequence, null, "the row holds values no entry can have");
        }
    };
}
