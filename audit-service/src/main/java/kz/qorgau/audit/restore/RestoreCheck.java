package kz.qorgau.audit.restore;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import kz.qorgau.audit.checkpoint.CheckpointTopic;
import kz.qorgau.audit.checkpoint.TopicReader;
import kz.qorgau.audit.entry.AuditLog;
import kz.qorgau.audit.entry.ChainHash;
import kz.qorgau.audit.entry.HashChain;
import kz.qorgau.audit.entry.LeafHash;
import kz.qorgau.audit.entry.OwnEvent;
import kz.qorgau.audit.entry.StoredEntry;
import kz.qorgau.audit.platform.AuditProperties;
import kz.qorgau.audit.restore.MirroredEntry.MirroredKey;
import kz.qorgau.audit.retention.Retention;
import kz.qorgau.audit.tree.StoredTree;
import kz.qorgau.audit.verify.AuditVerifier;
import kz.qorgau.audit.verify.Verification;
import kz.qorgau.audit.writer.WriterLeadership;
import kz.qorgau.audit.writer.WriterStartCheck;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.Checkpoint;
import kz.qorgau.auditlog.MerkleTree;
import kz.qorgau.auditlog.NoteSigner;
import kz.qorgau.auditlog.NoteVerifier;
import kz.qorgau.auditlog.Proofs;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The restore procedure (docs/adr/0032, docs/runbooks/audit-restore.md), run by each new writer before it
 * appends. When the log topic holds entries the database lacks (it was restored from a backup), or when asked
 * ({@code qorgau.audit.restore.verify-on-start}): the database must verify as it is (every leaf, link and
 * stored checkpoint), it is brought up to the log topic with the very entries stored before (each checked
 * against its leaf and the chain), and the trail must then be consistent with every checkpoint published on
 * the checkpoint topic, by a consistency proof from each. Any contradiction refuses the start: nothing is
 * appended, nothing is papered over.
 */
@Component
class RestoreCheck implements WriterStartCheck {

    private static final Logger log = LoggerFactory.getLogger(RestoreCheck.class);
    private static final int BATCH = 500;

    private final AuditVerifier verifier;
    private final NoteVerifier checkpointKey;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final String bootstrapServers;
    private final String logTopic;
    private final String checkpointTopic;
    private final Duration readTimeout;
    private final boolean verifyOnStart;

    RestoreCheck(
            AuditVerifier verifier,
            NoteSigner checkpointSigner,
            JsonMapper json,
            MeterRegistry meters,
            KafkaProperties kafkaProperties,
            QorgauKafkaProperties qorgauKafka,
            AuditProperties properties) {
        this.verifier = verifier;
        this.checkpointKey = NoteVerifier.parse(checkpointSigner.verifierKey());
        this.json = json;
        this.meters = meters;
        this.bootstrapServers = String.join(",", kafkaProperties.getBootstrapServers());
        this.logTopic = LogTopic.name(qorgauKafka);
        this.checkpointTopic = CheckpointTopic.name(qorgauKafka);
        this.readTimeout = properties.restore().readTimeout();
        this.verifyOnStart = properties.restore().verifyOnStart();
    }

    @Override
    public Optional<String> beforeAppending(WriterLeadership writer) {
        try {
            return check(writer);
        } catch (RuntimeException e) {
            return refused("the restore check could not run: " + e);
        }
    }

    private Optional<String> check(WriterLeadership writer) {
        long head = writer.inWriterTransaction(jdbc -> AuditLog.head(jdbc).size());
        // Every writer start, every failover: only the log topic's last records, unless it is ahead.
        if (!verifyOnStart && LogTopic.lastSequence(bootstrapServers, logTopic, readTimeout) <= head) {
            return Optional.empty();
        }
        TreeMap<Long, MirroredEntry> ahead = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        TopicReader.read(bootstrapServers, logTopic, -1, readTimeout, record -> {
            long sequence;
            try {
                sequence = Long.parseLong(record.key());
            } catch (NumberFormatException e) {
                problems.add("the log topic holds a record that is not an entry, at offset " + record.offset());
                return;
            }
            if (sequence <= head) {
                return;
            }
            MirroredEntry entry = json.readValue(record.value(), MirroredEntry.class);
            MirroredEntry earlier = ahead.putIfAbsent(sequence, entry);
            if (earlier != null && !java.util.Arrays.equals(earlier.leafHash(), entry.leafHash())) {
                problems.add("the log topic holds two different entries " + sequence);
            }
        });
        if (!problems.isEmpty()) {
            return refused(problems.get(0));
        }
        if (ahead.isEmpty() && !verifyOnStart) {
            return Optional.empty();
        }
        log.warn(
                "Restore check: the database holds {} entries, the log topic {} more; verifying the database",
                head,
                ahead.size());
        Verification verified = verifier.verifyFully();
        if (!verified.intact()) {
            return refused("the database does not verify: entry " + verified.firstBadSequence() + ", "
                    + verified.problem() + " (" + verified.detail() + ")");
        }
        if (!ahead.isEmpty()) {
            if (ahead.firstKey() != head + 1 || ahead.lastKey() - ahead.firstKey() + 1 != ahead.size()) {
                return refused("the log topic does not hold entries " + (head + 1) + " to " + ahead.lastKey()
                        + " without a gap: those beyond its retention cannot be brought back");
            }
            List<MirroredEntry> replay = new ArrayList<>(ahead.values());
            for (int from = 0; from < replay.size(); from += BATCH) {
                List<MirroredEntry> batch = replay.subList(from, Math.min(replay.size(), from + BATCH));
                Optional<String> refusal = writer.inWriterTransaction(jdbc -> replay(jdbc, batch));
                if (refusal.isPresent()) {
                    return refused(refusal.get());
                }
            }
            meters.counter("audit.restore.replayed").increment(replay.size());
            log.warn("Restore check: entries {} to {} brought back from the log topic", head + 1, ahead.lastKey());
        }
        return againstEveryCheckpoint(writer).flatMap(this::refused);
    }

    private Optional<String> replay(JdbcClient jdbc, List<MirroredEntry> batch) {
        AuditLog.Head head = AuditLog.head(jdbc);
        ChainHash previous = head.chainHash();
        StoredTree.Appending tree = new StoredTree.Appending(jdbc);
        for (MirroredEntry mirrored : batch) {
            StoredEntry stored;
            try {
                stored = mirrored.stored();
            } catch (IllegalArgumentException e) {
                return Optional.of("entry " + mirrored.sequence() + " on the log topic is not an entry");
            }
            LeafHash leaf = LeafHash.of(stored.entry());
            if (!leaf.matches(stored.leafHash())) {
                return Optional.of("entry " + mirrored.sequence() + " on the log topic does not hash to its leaf");
            }
            if (!HashChain.next(previous, leaf).equals(stored.chainHash())) {
                return Optional.of("entry " + mirrored.sequence() + " on the log topic does not extend the chain");
            }
            if (mirrored.subjectKey() != null) {
                restoreKey(jdbc, mirrored.subjectKey());
            }
            AuditLog.insert(jdbc, stored);
            tree.appended(stored.sequence(), leaf.bytes());
            applyOwn(jdbc, stored.entry());
            previous = stored.chainHash();
        }
        tree.store();
        return Optional.empty();
    }

    private static void restoreKey(JdbcClient jdbc, MirroredKey key) {
        jdbc.sql("INSERT INTO audit_subject_key (name, subject, wrapped_key, kek_id, created_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")
                .params(
                        key.name(),
                        key.subject(),
                        key.wrappedKey(),
                        key.kekId(),
                        OffsetDateTime.ofInstant(java.time.Instant.parse(key.createdAt()), ZoneOffset.UTC))
                .update();
    }

    /**
     * What the service's own entries did, done again: a key destroyed stays destroyed, a hold placed or lifted
     * after the backup is so again (a hold placed but not yet in the trail when the database was lost is not:
     * the runbook says to place it again).
     */
    private void applyOwn(JdbcClient jdbc, AuditEntry entry) {
        if (!OwnEvent.TOPIC.equals(entry.topic()) || entry.payload() == null) {
            return;
        }
        JsonNode what = json.readTree(new String(entry.payload(), StandardCharsets.UTF_8));
        OffsetDateTime at = OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC);
        switch (String.valueOf(entry.type())) {
            case Retention.KEY_DESTROYED ->
                jdbc.sql("SELECT audit_destroy_subject_key(?, ?)")
                        .params(what.get("keyName").asString(), at)
                        .query(Boolean.class)
                        .single();
            case Retention.HOLD_PLACED ->
                jdbc.sql("INSERT INTO audit_legal_hold (subject, case_reference, placed_by, placed_at, placed_entry)"
                                + " SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM audit_legal_hold"
                                + " WHERE subject = ? AND case_reference = ? AND lifted_at IS NULL)")
                        .params(
                                what.get("subject").asString(),
                                what.get("caseReference").asString(),
                                what.get("placedBy").asString(),
                                OffsetDateTime.parse(what.get("placedAt").asString()),
                                entry.sequence(),
                                what.get("subject").asString(),
                                what.get("caseReference").asString())
                        .update();
            case Retention.HOLD_LIFTED ->
                jdbc.sql("UPDATE audit_legal_hold SET lifted_by = ?, lifted_at = ?, lifted_entry = ?"
                                + " WHERE subject = ? AND case_reference = ? AND lifted_at IS NULL")
                        .params(
                                what.get("liftedBy").asString(),
                                OffsetDateTime.parse(what.get("liftedAt").asString()),
                                entry.sequence(),
                                what.get("subject").asString(),
                                what.get("caseReference").asString())
                        .update();
            default -> {
                // No other own entry changes anything.
            }
        }
    }

    /** Every checkpoint ever published must be a prefix of the trail: a consistency proof from each. */
    private Optional<String> againstEveryCheckpoint(WriterLeadership writer) {
        List<String> notes = TopicReader.values(bootstrapServers, checkpointTopic, readTimeout);
        return writer.inWriterTransaction(jdbc -> {
            long size = AuditLog.head(jdbc).size();
            StoredTree tree = new StoredTree(jdbc);
            byte[] root = size == 0 ? null : tree.root(size);
            int checked = 0;
            for (String note : notes) {
                Checkpoint published;
                try {
                    published = Checkpoint.verified(note, List.of(checkpointKey));
                } catch (IllegalArgumentException e) {
                    log.warn("Restore check: a checkpoint on the topic is not signed by the current key; skipped");
                    continue;
                }
                if (published.size() > size) {
                    return Optional.of("the checkpoint of size " + published.size() + " commits to entries the trail"
                            + " (" + size + ") does not hold and the log topic could not bring back");
                }
                List<byte[]> proof = MerkleTree.consistencyProof(published.size(), size, tree);
                if (!Proofs.verifyConsistency(published.size(), size, proof, published.root(), root)) {
                    return Optional.of("the trail is not consistent with the checkpoint of size " + published.size());
                }
                checked++;
            }
            log.info("Restore check: the trail of {} entries is consistent with all {} checkpoints", size, checked);
            return Optional.<String>empty();
        });
    }

    private Optional<String> refused(String why) {
        meters.counter("audit.restore.refused").increment();
        return Optional.of(why);
    }
}
