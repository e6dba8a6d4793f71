package kz.qorgau.audit.query;

import kz.qorgau.audit.checkpoint.PeriodicTask;
import kz.qorgau.audit.platform.AuditProperties;
import kz.qorgau.audit.writer.NotTheWriterException;
import kz.qorgau.audit.writer.WriterLeadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On the writer only: appends the payload disclosures another instance recorded (docs/adr/0040), at the pace it
 * records legal holds ({@code hold-interval}).
 */
@Component
class PayloadDisclosureTask extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(PayloadDisclosureTask.class);

    private final PayloadDisclosures disclosures;
    private final WriterLeadership writer;

    PayloadDisclosureTask(PayloadDisclosures disclosures, WriterLeadership writer, AuditProperties properties) {
        super("audit-disclosures", properties.shredding().holdInterval());
        this.disclosures = disclosures;
        this.writer = writer;
    }

    @Override
    protected void tick() {
        if (!writer.isWriter()) {
            return;
        }
        try {
            disclosures.appendRecorded();
        } catch (NotTheWriterException e) {
            log.debug("Not the writer: no disclosures recorded");
        } catch (RuntimeException e) {
            log.warn("Recording payload disclosures failed; retrying: {}", e.toString());
        }
    }
}
