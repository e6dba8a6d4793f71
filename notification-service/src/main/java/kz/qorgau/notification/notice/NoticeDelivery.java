package kz.qorgau.notification.notice;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.events.NotificationFailed;
import kz.qorgau.events.NotificationSent;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.notification.outcome.OutcomeOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Delivers one PENDING notice: a few short attempts, then SENT or FAILED, with the outcome event
 * written to the outbox in the same transaction as the status.
 *
 * <p>The notice row stays locked while the channel is tried, so two instances never send the same
 * notice at once. If the process dies after the SMTP server accepted the e-mail but before the
 * commit, the notice is still PENDING and the redelivered event sends it again: for a police alert
 * a second e-mail (with the same Message-ID) is better than none. The attempts of a transaction
 * that did not commit are not counted.
 */
@Service
public class NoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(NoticeDelivery.class);

    private final Notices notices;
    private final EmailChannel email;
    private final OutcomeOutbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final NoticeEmailProperties properties;
    private final NoticeMetrics metrics;

    NoticeDelivery(
            Notices notices,
            EmailChannel email,
            OutcomeOutbox outbox,
            TransactionTemplate transactions,
            Clock clock,
            NoticeEmailProperties properties,
            NoticeMetrics metrics) {
        this.notices = notices;
        this.email = email;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        this.metrics = metrics;
    }

    /**
     * Delivers the notice if it is still PENDING; does nothing if another delivery finished it.
     *
     * @param cause the event the notice is about; its id becomes the outcome's causationEventId
     */
    public void deliver(UUID noticeId, EmailContent content, EventEnvelope<? extends QorgauEvent> cause) {
        Outcome outcome = transactions.execute(status -> notices.lockIfPending(noticeId)
                .map(notice -> record(notice, attempt(notice, content), cause))
                .orElse(null));
        if (outcome == null) {
            return;
        }
        if (outcome.sent()) {
            metrics.sent(outcome.notice().recipient());
        } else {
            metrics.failed(outcome.notice().recipient(), outcome.reason());
        }
    }

    private Outcome attempt(Notice notice, EmailContent content) {
        if (notice.recipient().channel() != NotificationChannel.EMAIL) {
            throw new IllegalStateException(
                    "no sender for channel " + notice.recipient().channel());
        }
        BackOffExecution pauses = retryBackOff().start();
        int attempts = notice.attempts();
        DeliveryFailure failure = null;
        for (int attempt = 1; attempt <= properties.attempts(); attempt++) {
            attempts++;
            try {
                email.send(notice, content);
                return new Outcome(notice, true, attempts, now(), null);
            } catch (DeliveryFailure e) {
                failure = e;
                // The reason code only: the provider's message may quote the address.
                log.warn("Notice {} attempt {} failed: {}", notice.id(), attempts, e.reason());
                if (!e.retryable() || attempt == properties.attempts()) {
                    break;
                }
                pause(pauses.nextBackOff());
            }
        }
        return new Outcome(notice, false, attempts, now(), failure.reason());
    }

    private Outcome record(Notice notice, Outcome outcome, EventEnvelope<? extends QorgauEvent> cause) {
        Recipient recipient = notice.recipient();
        QorgauEvent event;
        if (outcome.sent()) {
            notices.markSent(notice.id(), outcome.attempts(), outcome.at());
            event = new NotificationSent(
                    notice.orderId(),
                    notice.id().toString(),
                    cause.id().toString(),
                    recipient.role(),
                    recipient.channel(),
                    outcome.at().toInstant(),
                    outcome.attempts());
        } else {
            notices.markFailed(notice.id(), outcome.attempts(), outcome.at(), outcome.reason());
            event = new NotificationFailed(
                    notice.orderId(),
                    notice.id().toString(),
                    cause.id().toString(),
                    recipient.role(),
                    recipient.channel(),
                    outcome.at().toInstant(),
                    outcome.attempts(),
                    outcome.reason());
        }
        outbox.record(event, notice.id(), cause.traceparent(), cause.tracestate());
        return outcome;
    }

    private ExponentialBackOff retryBackOff() {
        var backOff = new ExponentialBackOff(properties.retryDelay().toMillis(), 2.0);
        backOff.setMaxInterval(properties.maxRetryDelay().toMillis());
        return backOff;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // Shutting down: roll back, the notice stays PENDING and the event is redelivered.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between delivery attempts", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private record Outcome(Notice notice, boolean sent, int attempts, OffsetDateTime at, String reason) {}
}
