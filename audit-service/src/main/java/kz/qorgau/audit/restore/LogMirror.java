package kz.qorgau.audit.restore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kz.qorgau.audit.checkpoint.PeriodicTask;
import kz.qorgau.audit.checkpoint.SignableSize;
import kz.qorgau.audit.entry.AuditLog;
import kz.qorgau.audit.entry.StoredEntry;
import kz.qorgau.audit.platform.AuditProperties;
import kz.qorgau.audit.restore.MirroredEntry.MirroredKey;
import kz.qorgau.audit.writer.NotTheWriterException;
import kz.qorgau.audit.writer.WriterLeadership;
import kz.qorgau.auditlog.CanonicalEncoding;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Copies every entry, exactly as stored, to the log topic, in sequence, on the writer only (docs/adr/0032).
 * Checkpoints are signed no further than the copy reaches ({@link SignableSize}), so every entry a published
 * checkpoint commits to can be brought back after a restore. A new writer reads where the copy ended; a
 * record copied twice (by a writer that lost its lock meanwhile) holds the same entry and is skipped on replay.
 */
@Component
class LogMirror extends PeriodicTask implements SignableSize {

    private static final Logger log = LoggerFactory.getLogger(LogMirror.class);
    private static final int BATCH = 500;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final WriterLeadership writer;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final String topic;
    private final String bootstrapServers;
    private final Duration readTimeout;
    /** The last sequence on the log topic; -1 until this writer read it. */
    private final AtomicLong mirrored = new AtomicLong(-1);

    LogMirror(
            WriterLeadership writer,
            KafkaTemplate<String, String> kafka,
            JsonMapper json,
            KafkaProperties kafkaProperties,
            QorgauKafkaProperties qorgauKafka,
            AuditProperties properties,
            MeterRegistry meters) {
        super("audit-log-mirror", properties.restore().mirrorInterval());
        this.writer = writer;
        this.kafka = kafka;
        this.json = json;
        this.topic = LogTopic.name(qorgauKafka);
        this.bootstrapServers = String.join(",", kafkaProperties.getBootstrapServers());
        this.readTimeout = properties.restore().readTimeout();
        Gauge.builder("audit.log.mirrored", mirrored, AtomicLong::get)
                .description("The last entry copied to the log topic by this writer; -1 when not the writer")
                .register(meters);
    }

    @Override
    public long signableSize() {
        return Math.max(0, mirrored.get());
    }

    /** Copies what is new; what the tick does. */
    void mirror() {
        if (!writer.isWriter()) {
            mirrored.set(-1);
            return;
        }
        if (mirrored.get() < 0) {
            long last = LogTopic.lastSequence(bootstrapServers, topic, readTimeout);
            // An empty topic (the first start, or all expired): the copy starts after the current head.
            mirrored.set(
                    last > 0
                            ? last
                            : writer.inWriterTransaction(
                                    jdbc -> AuditLog.head(jdbc).size()));
        }
        while (true) {
            long after = mirrored.get();
            List<MirroredEntry> batch = writer.inWriterTransaction(jdbc -> batch(jdbc, after));
            if (batch.isEmpty()) {
                return;
            }
            List<CompletableFuture<SendResult<String, String>>> sent = new ArrayList<>(batch.size());
            for (MirroredEntry entry : batch) {
                sent.add(kafka.send(topic, Long.toString(entry.sequence()), json.writeValueAsString(entry)));
            }
            try {
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                        .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("Could not copy entries after {} to {}; retrying: {}", after, topic, e.toString());
                return;
            }
            mirrored.set(batch.get(batch.size() - 1).sequence());
        }
    }

    private List<MirroredEntry> batch(JdbcClient jdbc, long after) {
        List<StoredEntry> entries = jdbc.sql(
                        "SELECT " + AuditLog.COLUMNS + " FROM audit_entry WHERE sequence > ? ORDER BY sequence LIMIT ?")
                .params(after, BATCH)
                .query(AuditLog.ROWS)
                .list();
        Map<String, MirroredKey> keys = new HashMap<>();
        List<MirroredEntry> batch = new ArrayList<>(entries.size());
        for (StoredEntry stored : entries) {
            String name = stored.entry().payloadKey();
            MirroredKey key = name == null ? null : keys.computeIfAbsent(name, unused -> key(jdbc, name));
            batch.add(MirroredEntry.of(stored, key));
        }
        return batch;
    }

    /** The live key, wrapped; none once destroyed, so a shredded key is never copied again. */
    private static MirroredKey key(JdbcClient jdbc, String name) {
        return jdbc.sql("SELECT name, subject, wrapped_key, kek_id, created_at FROM audit_subject_key"
                        + " WHERE name = ? AND wrapped_key IS NOT NULL")
                .param(name)
                .query((row, number) -> new MirroredKey(
                        row.getString(1),
                        row.getString(2),
                        row.getBytes(3),
                        row.getString(4),
                        CanonicalEncoding.formatTime(
                                row.getObject(5, java.time.OffsetDateTime.class).toInstant())))
                .optional()
                .orElse(null);
    }

    @Override
    protected void tick() {
        try {
            mirror();
        } catch (NotTheWriterException e) {
            mirrored.set(-1);
        } catch (RuntimeException e) {
            log.warn("Could not copy entries to {}; retrying: {}", topic, e.toString());
        }
    }
}
