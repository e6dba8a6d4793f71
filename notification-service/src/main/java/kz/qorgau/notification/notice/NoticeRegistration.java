package kz.qorgau.notification.notice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.kit.metrics.MetricNames;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a received event into notices, once. The received_event row and the notice rows commit in
 * one transaction, so a redelivered event finds the first delivery's notices instead of making new
 * ones; notices a crash left PENDING are handed back so the caller finishes them.
 */
@Service
public class NoticeRegistration {

    private final Notices notices;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    NoticeRegistration(Notices notices, TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        this.notices = notices;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Registers one notice per recipient for the event (first delivery only) and returns the event's
     * notices that are still PENDING, on any delivery.
     *
     * @param consumer names the handler in received_event, so two handlers of one event do not
     *     shadow each other
     */
    public List<Notice> register(
            String consumer, EventEnvelope<? extends QorgauEvent> event, List<Recipient> recipients) {
        List<Notice> pending = transactions.execute(status -> {
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            if (notices.markReceived(consumer, event.id(), now)) {
                for (Recipient recipient : recipients) {
                    notices.addPending(UUID.randomUUID(), event.id(), event.subject(), recipient, now);
                }
            } else {
                Counter.builder(MetricNames.EVENTS_REDELIVERED)
                        .description("Events received again (absorbed by received_event)")
                        .tag("consumer", consumer)
                        .register(meters)
                        .increment();
            }
            return notices.pendingFor(event.id());
        });
        return pending == null ? List.of() : pending;
    }

    /** Every notice of the event, whatever its status. */
    public List<Notice> noticesOf(UUID eventId) {
        return notices.forEvent(eventId);
    }
}
