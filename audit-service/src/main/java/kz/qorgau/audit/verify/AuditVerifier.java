package kz.qorgau.audit.verify;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Recomputes leaves from the stored fields and the chain from the leaves, and holds the leaves to every signed
 * checkpoint (docs/adr/0023): a chain rewritten with its hashes, or the newest entries removed, contradicts one.
 * Reads in chunks of {@code qorgau.audit.verify.chunk-size} entries by sequence number, so memory stays flat for
 * millions of entries and no long transaction is held.
 *
 * <p>Two ways (docs/adr/0027): {@link #verify()} goes on from where this instance's last verification ended (its
 * chain hash and compact range kept in memory) to the head, so it answers at once; {@link #verifyFully()} starts,
 * or joins, the one full verification from entry 1, which runs in the background with its progress as a gauge.
 * The first {@link #verify()} after a start has nothing to go on from, so it joins the full one.
 */
@Service
public class AuditVerifier implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifier.class);

    private static final String CHUNK = "SELECT " + AuditLog.COLUMNS
            + " FROM audit_entry WHERE sequence > ? AND sequence <= ? ORDER BY sequence LIMIT ?";

    private final JdbcClient jdbc;
    private final NoteVerifier checkpointKey;
    private final int chunkSize;
    private final Duration fullWait;
    private final MeterRegistry meters;
    /** 1 intact, 0 broken, -1 not verified since this instance started. */
    private final AtomicInteger lastResult = new AtomicInteger(-1);
    /** The running full verification's entries checked so far, and of how many. */
    private final AtomicLong fullChecked = new AtomicLong();

    private final AtomicLong fullSize = new AtomicLong();
    private final ExecutorService fullJobs = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audit-full-verification");
        thread.setDaemon(true);
        return thread;
    });
    /** Where the last intact verification ended; null until one has. Guarded by this. */
    private @Nullable Verified verified;
    /** The running or last full verification. Guarded by this. */
    private @Nullable CompletableFuture<Verification> fullJob;

    public AuditVerifier(
            JdbcClient jdbc, AuditProperties properties, MeterRegistry meters, NoteSigner checkpointSigner) {
        this.jdbc = jdbc;
        this.checkpointKey = NoteVerifier.parse(checkpointSigner.verifierKey());
        this.chunkSize = properties.verify().chunkSize();
        this.fullWait = properties.verify().fullWait();
        this.meters = meters;
        Gauge.builder("audit.verify.intact", lastResult, AtomicInteger::get)
                .description("Result of the last verification: 1 intact, 0 broken, -1 none since start")
                .register(meters);
        Gauge.builder("audit.verify.full.progress", this, AuditVerifier::fullProgress)
                .description("The full verification's share of entries checked, 0 to 1; 1 when none runs")
                .register(meters);
    }

    /** What the verified trail ended with: enough to go on hashing from there. */
    private record Verified(long size, ChainHash chain, CompactRange leaves, long confirmedUpTo) {

        /** Before entry 1; scans copy the range, so it stays empty. */
        static final Verified NOTHING = new Verified(0, HashChain.GENESIS, new CompactRange(), 0);
    }

    /** Where a full verification stands: running or done, and its result when done. */
    public record FullVerification(boolean running, long checked, long size, @Nullable Verification result) {}

    /**
     * Verifies the entries appended since the last verification that found the trail intact, holding them
     * to the checkpoints signed since; with none yet, joins the full verification and waits for it.
     */
    public Verification verify() {
        Verified from;
        synchronized (this) {
            from = verified;
        }
        if (from == null) {
            return verifyFully();
        }
        return finished(scan(from, System.nanoTime(), null), "incremental");
    }

    /** Starts the full verification, or joins the running one, and waits for its result. */
    public Verification verifyFully() {
        try {
            return startOrJoinFull().join();
        } catch (CompletionException e) {
            throw unwrapped(e.getCause());
        }
    }

    /** The job's own failure (the database away: a 503), not the future's wrapper. */
    private static RuntimeException unwrapped(Throwable failure) {
        return failure instanceof RuntimeException runtime
                ? runtime
                : new IllegalStateException("the full verification failed", failure);
    }

    /** Starts the full verification, or joins the running one; waits at most full-wait for it. */
    public FullVerification fullVerification() {
        CompletableFuture<Verification> job = startOrJoinFull();
        try {
            job.get(fullWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Still running: the answer is its progress.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw unwrapped(e.getCause());
        }
        return new FullVerification(!job.isDone(), fullChecked.get(), fullSize.get(), job.isDone() ? job.join() : null);
    }

    /** Starts the full verification, or joins the running one: there is never more than one. */
    public synchronized CompletableFuture<Verification> startOrJoinFull() {
        if (fullJob == null || fullJob.isDone()) {
            fullChecked.set(0);
            fullSize.set(0);
            fullJob = CompletableFuture.supplyAsync(
                    () -> finished(scan(Verified.NOTHING, System.nanoTime(), fullChecked), "full"), fullJobs);
        }
        return fullJob;
    }

    private double fullProgress() {
        long size = fullSize.get();
        return size == 0 ? 1 : Math.min(1, (double) fullChecked.get() / size);
    }

    private Verification finished(Outcome outcome, String mode) {
        Verification result = outcome.verification();
        synchronized (this) {
            if (outcome.reached() == null) {
                verified = null; // a break stays reported: the next verify joins a full one again
            } else if (verified == null || verified.size() <= outcome.reached().size()) {
                verified = outcome.reached();
            }
        }
        Timer.builder("audit.verify")
                .description("Verifications of the trail: full from entry 1, or incremental from the last")
                .tag("result", result.intact() ? "intact" : "broken")
                .tag("mode", mode)
                .register(meters)
                .record(result.durationMillis(), TimeUnit.MILLISECONDS);
        lastResult.set(result.intact() ? 1 : 0);
        if (result.intact()) {
            log.info(
                    "Audit trail intact ({}): {} entries, head {}, entries after {} hashed",
                    mode,
                    result.size(),
                    result.headHash(),
                    result.verifiedFrom());
        } else {
            log.error(
                    "Audit trail NOT intact ({}): entry {} of {}: {}",
                    mode,
                    result.firstBadSequence(),
                    result.size(),
                    result.detail());
        }
        return result;
    }

    @Override
    public void destroy() {
        fullJobs.shutdownNow();
    }

    /** A verification's result, and where it ended when intact. */
    private record Outcome(Verification verification, @Nullable Verified reached) {}

    private Outcome scan(Verified from, long started, @Nullable AtomicLong progress) {
        Scan scan = new Scan(from, started);
        Verification result = scan.run(progress);
        return new Outcome(result, result.intact() ? scan.reached() : null);
    }

    /** One pass from where {@code from} ended to the head as it is when the pass begins. */
    private final class Scan {

        private final long verifiedFrom;
        private final long started;
        private ChainHash chain;
        private final CompactRange leaves;
        private long confirmedUpTo;
        private long size;
        private final Deque<StoredCheckpoint> pending = new ArrayDeque<>();
        private long readUpTo;

        Scan(Verified from, long started) {
            this.verifiedFrom = from.size();
            this.started = started;
            this.chain = from.chain();
            this.leaves = from.leaves().copy();
            this.confirmedUpTo = from.confirmedUpTo();
            this.readUpTo = from.size();
        }

        Verified reached() {
            return new Verified(size, chain, leaves.copy(), confirmedUpTo);
        }

        Verification run(@Nullable AtomicLong progress) {
            // The largest signed size first: a checkpoint signed after the head was read is then never "ahead".
            long signed = CheckpointLog.largestSize(jdbc);
            size = AuditLog.head(jdbc).size();
            if (progress != null) {
                fullSize.set(size);
            }
            if (signed > size || verifiedFrom > size) {
                return broken(
                        size + 1,
                        Problem.TRUNCATED,
                        (signed > size
                                        ? "a signed checkpoint commits to " + signed
                                        : "verified before: " + verifiedFrom)
                                + " entries; the trail has " + size);
            }
            long expected = verifiedFrom + 1;
            while (expected <= size) {
                List<Row> chunk = jdbc.sql(CHUNK)
                        .params(expected - 1, size, chunkSize)
                        .query(ROWS)
                        .list();
                if (chunk.isEmpty()) {
                    return broken(expected, Problem.SEQUENCE_GAP, "entries from here to the head are missing");
                }
                for (Row row : chunk) {
                    Optional<Verification> bad = check(row, expected);
                    if (bad.isPresent()) {
                        return bad.get();
                    }
                    expected++;
                }
                if (progress != null) {
                    progress.set(expected - 1);
                }
            }
            return Verification.intact(size, chain.hex(), millisSince(started), verifiedFrom);
        }

        private Optional<Verification> check(Row row, long expected) {
            if (row.sequence() != expected) {
                return Optional.of(broken(expected, Problem.SEQUENCE_GAP, "the entry is missing"));
            }
            if (row.stored() == null) {
                return Optional.of(broken(expected, Problem.UNREADABLE, row.unreadable()));
            }
            LeafHash leaf = LeafHash.of(row.stored().entry());
            if (!leaf.matches(row.stored().leafHash())) {
                return Optional.of(broken(
                        expected, Problem.LEAF_MISMATCH, "the stored fields do not hash to the stored leaf hash"));
            }
            ChainHash next = HashChain.next(chain, leaf);
            if (!next.matches(row.stored().chainHash())) {
                return Optional.of(broken(
                        expected,
                        Problem.CHAIN_MISMATCH,
                        "the stored chain hash is not SHA-256(previous chain hash, leaf hash)"));
            }
            chain = next;
            leaves.append(leaf.bytes());
            return checkpointsAt(expected)
                    .map(contradiction -> broken(confirmedUpTo + 1, contradiction.problem(), contradiction.detail()));
        }

        /**
         * The signed checkpoints, met in size order as the leaves are hashed again: at each checkpoint's size the
         * root of the leaves so far must be its root, and one signed by the current key must verify with it (one
         * signed before a rotation names another key, and is compared by root only).
         */
        private Optional<Contradiction> checkpointsAt(long sequence) {
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

        private Verification broken(long sequence, Problem problem, String detail) {
            return Verification.broken(
                    size, chain.hex(), sequence, problem, detail, millisSince(started), verifiedFrom);
        }
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private boolean signedAsStored(StoredCheckpoint checkpoint) {
        try {
            return Checkpoint.verified(checkpoint.signedNote(), List.of(checkpointKey))
                    .equals(checkpoint.checkpoint());
        } catch (IllegalArgumentException e) {
            return false;
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
