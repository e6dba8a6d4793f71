package kz.qorgau.notification.notice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.kit.metrics.MetricNames;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the notices due for a received event, once, and sends nothing (docs/adr/0022): the received_event
 * row and the notice rows commit in one short transaction, the database's unique constraint keeps one notice
 * per event, recipient and channel, and the delivery engine, woken by the commit, sends them.
 */
@Service
public class NoticeRegistration {

    private final Notices notices;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final NoticeDeadlines deadlines;
    private final ApplicationEventPublisher publisher;

    NoticeRegistration(
            Notices notices,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry meters,
            NoticeDeadlines deadlines,
            ApplicationEventPublisher publisher) {
        this.notices = notices;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        this.deadlines = deadlines;
        this.publisher = publisher;
    }

    /**
     * Records one PENDING notice per draft (a redelivered event adds none and counts as redelivered), and tells
     * the {@link EventRecorded} listeners in the same transaction, drafts or none.
     *
     * @param consumer names the handler in received_event, so two handlers of one event do not shadow each
     *     other
     * @param district the order's district, where a supervisor is found if a notice is given up
     */
    public void record(
            String consumer, EventEnvelope<? extends QorgauEvent> event, String district, List<NoticeDraft> drafts) {
        transactions.executeWithoutResult(status -> {
            OffsetDateTime now = now();
            if (!notices.markReceived(consumer, event.id(), now)) {
                Counter.builder(MetricNames.EVENTS_REDELIVERED)
                        .description("Events received again (absorbed by received_event)")
                        .tag("consumer", consumer)
                        .register(meters)
                        .increment();
            }
            // Every time, not only the first: the unique constraint absorbs repeats, and a notice recorded
            // before the engine (without text) gets its text from the redelivery.
            NoticeCause cause = NoticeCause.of(event);
            add(cause, district, drafts, null, now);
            publisher.publishEvent(new EventRecorded(cause, event.data()));
        });
    }

    /**
     * Records notices that follow from another notice (a supervisor told that it was given up), in the
     * caller's transaction: same event, other recipients.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordFollowUp(NoticeCause event, String district, UUID reportsNotice, List<NoticeDraft> drafts) {
        add(event, district, drafts, reportsNotice, now());
    }

    private void add(
            NoticeCause event, String district, List<NoticeDraft> drafts, UUID reportsNotice, OffsetDateTime now) {
        List<Notices.Pending> pending = new ArrayList<>(drafts.size());
        for (NoticeDraft draft : drafts) {
            Duration deadline = deadlines.of(draft.urgency());
            OffsetDateTime due = draft.notBefore() == null || !draft.notBefore().isAfter(now.toInstant())
                    ? now
                    : draft.notBefore().atOffset(now.getOffset()).truncatedTo(ChronoUnit.MICROS);
            pending.add(new Notices.Pending(UUID.randomUUID(), draft, due, due.plus(deadline)));
        }
        notices.addPending(event, district, pending, reportsNotice, now);
        if (!drafts.isEmpty()) {
            publisher.publishEvent(new NoticesRecorded(drafts.size()));
        }
    }

    /** Every notice of the event, whatever its status. */
    public List<Notice> noticesOf(UUID eventId) {
        return notices.forEvent(eventId);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** How long a notice of each urgency is tried; the delivery engine's configuration answers. */
    public interface NoticeDeadlines {
        Duration of(Urgency urgency);
    }
}
