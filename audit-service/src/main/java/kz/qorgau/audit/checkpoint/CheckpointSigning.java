package kz.qorgau.audit.checkpoint;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kz.qorgau.audit.entry.AuditLog;
import kz.qorgau.audit.platform.AuditProperties;
import kz.qorgau.audit.tree.StoredTree;
import kz.qorgau.audit.writer.NotTheWriterException;
import kz.qorgau.audit.writer.WriterLeadership;
import kz.qorgau.auditlog.Checkpoint;
import kz.qorgau.auditlog.NoteSigner;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Signs a checkpoint of the trail every {@code qorgau.audit.checkpoint.interval} while it grows, or as
 * soon as {@code size} entries came, then publishes the newest to the checkpoint topic. Only the writer
 * signs, in a transaction of the writer session: the tree it signs is the one it appends to, so no two
 * checkpoints can disagree. A publication that fails is retried at the next tick; the topic may hold a
 * checkpoint twice, never a checkpoint that is not in the table.
 */
@Component
class CheckpointSigning extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigning.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final WriterLeadership writer;
    private final NoteSigner signer;
    private final AuditProperties.Checkpoints settings;
    private final KafkaTemplate<String, String> kafka;
    private final String topic;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong lastPublished = new AtomicLong();
    private final AtomicLong lastSignedSize = new AtomicLong(-1);
    private final ObjectProvider<SignableSize> signable;

    CheckpointSigning(
            WriterLeadership writer,
            NoteSigner checkpointSigner,
            AuditProperties properties,
            KafkaTemplate<String, String> kafka,
            QorgauKafkaProperties kafkaProperties,
            MeterRegistry meters,
            ObjectProvider<SignableSize> signable) {
        super("audit-checkpoints", TICK);
        this.signable = signable;
        this.writer = writer;
        this.signer = checkpointSigner;
        this.settings = properties.checkpoint();
        this.kafka = kafka;
        this.topic = CheckpointTopic.name(kafkaProperties);
        Gauge.builder("audit.checkpoint.size", lastSignedSize, AtomicLong::get)
                .description("Tree size of the newest checkpoint this instance signed; -1 none since start")
                .register(meters);
    }

    /** Signs a checkpoint if one is due and publishes the newest; what the tick does. */
    Optional<StoredCheckpoint> signIfDue() {
        if (!writer.isWriter()) {
            return Optional.empty();
        }
        Optional<StoredCheckpoint> signed = writer.inWriterTransaction(this::signIfDue);
        signed.ifPresent(checkpoint -> {
            lastSignedSize.set(checkpoint.treeSize());
            log.info("Signed checkpoint {} of the trail at size {}", checkpoint.id(), checkpoint.treeSize());
        });
        publishNewest();
        return signed;
    }

    private Optional<StoredCheckpoint> signIfDue(JdbcClient jdbc) {
        long head = AuditLog.head(jdbc).size();
        SignableSize copied = signable.getIfAvailable();
        long size = copied == null ? head : Math.min(head, copied.signableSize());
        Optional<StoredCheckpoint> last = CheckpointLog.latest(jdbc);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (size == 0 || last.isPresent() && last.get().treeSize() >= size) {
            return Optional.empty();
        }
        boolean due = last.isEmpty()
                || size - last.get().treeSize() >= settings.size()
                || !last.get().signedAt().plus(settings.interval()).isAfter(now.toInstant());
        if (!due) {
            return Optional.empty();
        }
        Checkpoint checkpoint = new Checkpoint(settings.origin(), size, new StoredTree(jdbc).root(size));
        String note = signer.sign(checkpoint.text());
        return Optional.of(CheckpointLog.insert(
                jdbc, checkpoint, signer.name(), signer.keyIdHex(), note, now.withOffsetSameInstant(ZoneOffset.UTC)));
    }

    private void publishNewest() {
        Optional<StoredCheckpoint> newest = writer.inWriterTransaction(CheckpointLog::latest);
        if (newest.isEmpty() || newest.get().id() <= lastPublished.get()) {
            return;
        }
        StoredCheckpoint checkpoint = newest.get();
        try {
            kafka.send(topic, checkpoint.checkpoint().origin(), checkpoint.signedNote())
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            lastPublished.set(checkpoint.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Could not publish checkpoint {} to {}; retrying: {}", checkpoint.id(), topic, e.toString());
        }
    }

    @Override
    protected void tick() {
        try {
            signIfDue();
        } catch (NotTheWriterException e) {
            log.debug("Not the writer: no checkpoint");
        } catch (RuntimeException e) {
            log.warn("Could not sign a checkpoint; retrying: {}", e.toString());
        }
    }
}
