package kz.qorgau.audit.verify;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qorgau.audit.checkpoint.CheckpointLog;
import kz.qorgau.audit.checkpoint.StoredCheckpoint;
import kz.qorgau.audit.entry.AuditLog;
import kz.qorgau.audit.entry.ChainHash;
import kz.qorgau.audit.entry.HashChain;
import kz.qorgau.audit.entry.LeafHash;
import kz.qorgau.audit.entry.StoredEntry;
import kz.qorgau.audit.platform.AuditProperties;
import kz.qorgau.audit.verify.Verification.Problem;
import kz.qorgau.auditlog.Checkpoint;
import kz.qorgau.auditlog.CompactRange;
import kz.qorgau.auditlog.NoteSigner;
import kz.qorgau.auditlog.NoteVerifier;
import kz.qorgau.auditlog.TreeHash;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Recomputes every leaf from the stored fields and the chain from the leaves, from entry 1 to the
 * head as it was when verification began, and holds the leaves to every signed checkpoint up to there
 * (docs/adr/0023): a chain rewritten with its hashes, or the newest entries removed, contradicts one. Reads in chunks of {@code qorgau.audit.verify.chunk-size}
 * entries by sequence number, so memory stays flat for millions of entries and no long transaction
 * is held.
 */
@Service
public class AuditVerifier {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifier.class);

    private static final String CHUNK = "SELECT " + AuditLog.COLUMNS
            + " FROM audit_entry WHERE sequence > ? AND sequence <= ? ORDER BY sequence LIMIT ?";

    private final JdbcClient jdbc;
    private final NoteVerifier checkpointKey;
    private final int chunkSize;
    private final MeterRegistry meters;
    /** 1 intact, 0 broken, -1 not verified since this instance started. */
    private final AtomicInteger lastResult = new AtomicInteger(-1);

    public AuditVerifier(
            JdbcClient jdbc, AuditProperties properties, MeterRegistry meters, NoteSigner checkpointSigner) {
        this.jdbc = jdbc;
        this.checkpointKey = NoteVerifier.parse(checkpointSigner.verifierKey());
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
        // The largest signed size first: a checkpoint signed after the head was read is then never "ahead".
        long signed = CheckpointLog.largestSize(jdbc);
        long size = AuditLog.head(jdbc).size();
        ChainHash chain = HashChain.GENESIS;
        if (signed > size) {
            return broken(
                    size,
                    chain,
                    size + 1,
                    Problem.TRUNCATED,
                    "a signed checkpoint commits to " + signed + " entries; the trail has " + size,
                    started);
        }
        SignedRoots checkpoints = new SignedRoots(size);
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
                Optional<Contradiction> contradicted = checkpoints.after(expected, leaf);
                if (contradicted.isPresent()) {
                    return broken(
                            size,
                            chain,
                            checkpoints.confirmedUpTo() + 1,
                            contradicted.get().problem(),
                            contradicted.get().detail(),
                            started);
                }
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

    /**
     * The signed checkpoints, met in size order as the leaves are hashed again: at each checkpoint's size the
     * root of the leaves so far must be its root, and one signed by the current key must verify with it (one
     * signed before a rotation names another key, and is compared by root only).
     */
    private final class SignedRoots {

        private final long size;
        private final CompactRange leaves = new CompactRange();
        private final Deque<StoredCheckpoint> pending = new ArrayDeque<>();
        private long readUpTo;
        private long confirmedUpTo;

        SignedRoots(long size) {
            this.size = size;
        }

        /** Adds the leaf of entry {@code sequence}; why a checkpoint of that size contradicts it, if one does. */
        Optional<Contradiction> after(long sequence, LeafHash leaf) {
            leaves.append(leaf.bytes());
            if (pending.isEmpty() && readUpTo < size) {
                List<StoredCheckpoint> next = CheckpointLog.bySize(jdbc, readUpTo, size, chunkSize);
                pending.addAll(next);
                readUpTo = next.isEmpty() ? size : next.get(next.size() - 1).treeSize();
            }
            while (!pending.isEmpty() && pending.peekFirst().treeSize() == sequence) {
                StoredCheckpoint checkpoint = pending.removeFirst();
                if (checkpoint.keyName().equals(checkpointKey.name())
                        && checkpoint.keyId().equals(checkpointKey.keyIdHex())
                        && !signedAsStored(checkpoint)) {
                    return Optional.of(new Contradiction(
                            Problem.CHECKPOINT_FORGED,
                            "checkpoint " + checkpoint.id() + "'s signature does not verify with the signing key"));
                }
                if (!TreeHash.same(leaves.root(), checkpoint.checkpoint().root())) {
                    return Optional.of(new Contradiction(
                            Problem.CHECKPOINT_MISMATCH,
                            "the entries " + (confirmedUpTo + 1) + " to " + sequence
                                    + " do not hash to the root of signed checkpoint " + checkpoint.id()));
                }
                confirmedUpTo = sequence;
            }
            return Optional.empty();
        }

        long confirmedUpTo() {
            return confirmedUpTo;
        }

        private boolean signedAsStored(StoredCheckpoint checkpoint) {
            try {
                return Checkpoint.verified(checkpoint.signedNote(), List.of(checkpointKey))
                        .equals(checkpoint.checkpoint());
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    /** What a checkpoint says against the trail. */
    private record Contradiction(Problem problem, String detail) {}

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
