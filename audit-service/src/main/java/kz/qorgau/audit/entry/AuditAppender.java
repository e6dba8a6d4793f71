package kz.qorgau.audit.entry;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import kz.qorgau.audit.platform.WriterLeadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Appends events to the trail, each at most once. Everything happens in one transaction of the
 * writer session: the duplicate check, reading the head, and the insert. So the sequence number is
 * the last one plus one among committed entries (never a PostgreSQL sequence, which would leave a
 * gap on rollback), and a crash before the commit leaves no trace.
 */
@Service
public class AuditAppender {

    private static final Logger log = LoggerFactory.getLogger(AuditAppender.class);

    private final WriterLeadership writer;
    private final MeterRegistry meters;

    public AuditAppender(WriterLeadership writer, MeterRegistry meters) {
        this.writer = writer;
        this.meters = meters;
    }

    /** What became of an event: its place in the trail, and whether it was already there. */
    public record Appended(long sequence, boolean duplicate) {}

    /**
     * Appends {@code event}, or does nothing if its id is already in the trail (the relay may
     * publish an event twice).
     *
     * @throws kz.qorgau.audit.platform.NotTheWriterException when this instance is not the writer
     */
    Appended append(ReceivedEvent event) {
        Appended result = writer.inWriterTransaction(jdbc -> {
            Optional<Long> existing = AuditLog.sequenceOf(jdbc, event.eventId());
            if (existing.isPresent()) {
                return new Appended(existing.get(), true);
            }
            AuditLog.Head head = AuditLog.head(jdbc);
            AuditEntry entry = event.toEntry(head.size() + 1, now());
            LeafHash leaf = LeafHash.of(entry);
            AuditLog.insert(jdbc, new StoredEntry(entry, leaf, HashChain.next(head.chainHash(), leaf)));
            return new Appended(entry.sequence(), false);
        });
        // Counted only after the commit: the metric never runs ahead of the table.
        if (result.duplicate()) {
            meters.counter("audit.entries.duplicates", "type", event.type()).increment();
            log.debug("Event {} is already entry {}; nothing appended", event.eventId(), result.sequence());
        } else {
            meters.counter("audit.entries.appended", "type", event.type()).increment();
            log.debug("Appended {} {} as entry {}", event.type(), event.eventId(), result.sequence());
        }
        return result;
    }

    private Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
