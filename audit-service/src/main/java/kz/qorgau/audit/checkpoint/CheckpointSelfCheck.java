package kz.qorgau.audit.checkpoint;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qorgau.audit.entry.AuditLog;
import kz.qorgau.audit.entry.LeafHash;
import kz.qorgau.audit.entry.StoredEntry;
import kz.qorgau.audit.platform.AuditProperties;
import kz.qorgau.audit.tree.StoredTree;
import kz.qorgau.auditlog.Checkpoint;
import kz.qorgau.auditlog.CompactRange;
import kz.qorgau.auditlog.NoteSigner;
import kz.qorgau.auditlog.NoteVerifier;
import kz.qorgau.auditlog.TreeHash;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every {@code qorgau.audit.checkpoint.self-check-interval}, reads the newest checkpoint back from the
 * checkpoint topic (without a consumer group) and checks the database against it: the trail holds at least
 * its entries, the stored tree has its root at its size, the entries hashed again from their fields give
 * that root too (incrementally: what is new since the last check), and the database keeps the same
 * checkpoint. A truncation, a rewritten entry, leaf, chain or tree, or a removed checkpoint row contradicts
 * it; a rewrite of entries this instance had already checked is left to verify and the offline verifier. The result is the gauge
 * {@code audit.checkpoint.consistent} (1, 0, -1 not checked yet), which the alert
 * QorgauAuditCheckpointContradicted watches (docs/adr/0023).
 */
@Component
class CheckpointSelfCheck extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSelfCheck.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final int CHUNK_SIZE = 1000;
    private static final String CHUNK = "SELECT " + AuditLog.COLUMNS
            + " FROM audit_entry WHERE sequence > ? AND sequence <= ? ORDER BY sequence LIMIT ?";

    private final JdbcClient jdbc;
    private final NoteVerifier key;
    private final Duration interval;
    private final String bootstrapServers;
    private final String topic;
    private final AtomicInteger consistent = new AtomicInteger(-1);
    /** The entries hashed again so far, as a compact range: only the self-check's thread touches it. */
    private final CompactRange recomputed = new CompactRange();

    CheckpointSelfCheck(
            JdbcClient jdbc,
            NoteSigner checkpointSigner,
            AuditProperties properties,
            KafkaProperties kafka,
            QorgauKafkaProperties kafkaProperties,
            MeterRegistry meters) {
        super("audit-checkpoint-self-check", properties.checkpoint().selfCheckInterval());
        this.jdbc = jdbc;
        this.key = NoteVerifier.parse(checkpointSigner.verifierKey());
        this.interval = properties.checkpoint().selfCheckInterval();
        this.bootstrapServers = String.join(",", kafka.getBootstrapServers());
        this.topic = CheckpointTopic.name(kafkaProperties);
        Gauge.builder("audit.checkpoint.consistent", consistent, AtomicInteger::get)
                .description("The trail against the newest checkpoint on the checkpoint topic: 1 consistent,"
                        + " 0 contradicted, -1 not checked yet")
                .register(meters);
    }

    /** What the self-check found. */
    record Result(boolean consistent, long checkpointSize, String detail) {}

    /** Checks once; empty when the topic holds no checkpoint yet. */
    synchronized Optional<Result> check() {
        Optional<String> note = CheckpointTopicReader.newest(bootstrapServers, topic, READ_TIMEOUT);
        if (note.isEmpty()) {
            return Optional.empty();
        }
        Result result = check(note.get());
        consistent.set(result.consistent() ? 1 : 0);
        if (result.consistent()) {
            log.debug("The trail is consistent with the published checkpoint of size {}", result.checkpointSize());
        } else {
            log.error(
                    "The trail contradicts the published checkpoint of size {}: {}",
                    result.checkpointSize(),
                    result.detail());
        }
        return Optional.of(result);
    }

    private Result check(String note) {
        Checkpoint published;
        try {
            published = Checkpoint.verified(note, List.of(key));
        } catch (IllegalArgumentException e) {
            // Signed by a key before a rotation, or not ours: nothing to hold the database to yet.
            return new Result(true, -1, "the newest published checkpoint is not signed by the current key");
        }
        long size = published.size();
        long head = AuditLog.head(jdbc).size();
        if (head < size) {
            return new Result(false, size, "the trail has " + head + " entries, the checkpoint commits to " + size);
        }
        byte[] root = new StoredTree(jdbc).root(size);
        if (!TreeHash.same(root, published.root())) {
            return new Result(false, size, "the stored tree's root at that size is not the checkpoint's");
        }
        if (size >= recomputed.size()) {
            Optional<String> changed = recomputeUpTo(size);
            if (changed.isPresent()) {
                return new Result(false, size, changed.get());
            }
            if (!TreeHash.same(recomputed.root(), published.root())) {
                return new Result(false, size, "the entries' fields, hashed again, do not give the checkpoint's root");
            }
        }
        boolean kept = jdbc.sql("SELECT count(*) FROM audit_checkpoint WHERE tree_size = ? AND root_hash = ?")
                        .params(size, published.root())
                        .query(Long.class)
                        .single()
                > 0;
        if (!kept) {
            return new Result(false, size, "the database no longer holds this checkpoint");
        }
        return new Result(true, size, "consistent");
    }

    /**
     * Hashes the entries after those already hashed, up to {@code size}, from their fields (as verify does):
     * once the whole trail after a start, then only what is new. A row that is not an entry stops it.
     */
    private Optional<String> recomputeUpTo(long size) {
        while (recomputed.size() < size) {
            List<StoredEntry> chunk = jdbc.sql(CHUNK)
                    .params(recomputed.size(), size, CHUNK_SIZE)
                    .query(AuditLog.ROWS)
                    .list();
            for (StoredEntry entry : chunk) {
                if (entry.sequence() != recomputed.size() + 1) {
                    return Optional.of("entry " + (recomputed.size() + 1) + " is missing");
                }
                recomputed.append(LeafHash.of(entry.entry()).bytes());
            }
            if (chunk.isEmpty()) {
                return Optional.of("entry " + (recomputed.size() + 1) + " is missing");
            }
        }
        return Optional.empty();
    }

    @Override
    protected void tick() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Could not run the checkpoint self-check; retrying: {}", e.toString());
        }
    }
}
