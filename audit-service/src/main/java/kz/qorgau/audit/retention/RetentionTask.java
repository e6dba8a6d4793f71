package kz.qorgau.audit.retention;

import kz.qorgau.audit.checkpoint.PeriodicTask;
import kz.qorgau.audit.platform.AuditProperties;
import kz.qorgau.audit.writer.NotTheWriterException;
import kz.qorgau.audit.writer.WriterLeadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On the writer only, as its other jobs: records legal holds every {@code hold-interval}, and destroys the keys
 * whose retention ended every {@code interval} (docs/adr/0031).
 */
@Component
class RetentionTask extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(RetentionTask.class);

    private final Retention retention;
    private final WriterLeadership writer;
    private final long shredEveryNanos;
    private long lastShred = System.nanoTime();

    RetentionTask(Retention retention, WriterLeadership writer, AuditProperties properties) {
        super("audit-retention", properties.shredding().holdInterval());
        this.retention = retention;
        this.writer = writer;
        this.shredEveryNanos = properties.shredding().interval().toNanos();
    }

    @Override
    protected void tick() {
        if (!writer.isWriter()) {
            return;
        }
        try {
            // Holds first: a hold placed before this round is in the trail before any key is looked at.
            retention.recordHolds();
            if (System.nanoTime() - lastShred >= shredEveryNanos) {
                lastShred = System.nanoTime();
                retention.shred();
            }
        } catch (NotTheWriterException e) {
            log.debug("Not the writer: no retention round");
        } catch (RuntimeException e) {
            log.warn("The retention round failed; retrying: {}", e.toString());
        }
    }
}
