package kz.qorgau.notification.delivery;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.events.NotificationFailed;
import kz.qorgau.events.NotificationSent;
import kz.qorgau.events.NotificationSuperseded;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.kit.tracing.Traces;
import kz.qorgau.notification.notice.NoticeCause;
import kz.qorgau.notification.notice.NoticesRecorded;
import kz.qorgau.notification.outcome.OutcomeOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends recorded notices (docs/adr/0022). One dispatcher thread per instance claims due notices with {@code
 * FOR UPDATE SKIP LOCKED} and a lease ({@link NoticeQueue#claim}), as many as it has free senders, and hands
 * each to a sender thread; the send happens outside any transaction, and its outcome is recorded in a short
 * one with the outcome event. The dispatcher wakes when this instance commits new notices or a send finishes,
 * and otherwise every poll interval (notices recorded by another instance, back-offs that ran out).
 */
class DeliveryEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

    /** How soon a notice held back by its channel's breaker or rate limit is looked at again. */
    private static final Duration BREAKER_PAUSE = Duration.ofSeconds(1);

    private static final Duration RATE_PAUSE = Duration.ofMillis(100);

    private final NoticeQueue queue;
    private final Map<NotificationChannel, Channel> channels = new EnumMap<>(NotificationChannel.class);
    private final ChannelGuards guards;
    private final RetrySchedule schedule;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final OutcomeOutbox outbox;
    private final NoticeMetrics metrics;
    private final ApplicationEventPublisher publisher;
    private final List<NoticeCheck> checks;
    private final AttemptTexts texts;
    private final SealedRecipients sealedRecipients;
    private final Traces traces;

    private final Semaphore wakeUps = new Semaphore(0);
    private final Semaphore senders;
    private volatile boolean running;
    private Thread dispatcher;
    private ExecutorService pool;

    DeliveryEngine(
            NoticeQueue queue,
            List<Channel> channels,
            ChannelGuards guards,
            RetrySchedule schedule,
            DeliveryProperties properties,
            Clock clock,
            TransactionTemplate transactions,
            OutcomeOutbox outbox,
            NoticeMetrics metrics,
            ApplicationEventPublisher publisher,
            List<NoticeCheck> checks,
            AttemptTexts texts,
            SealedRecipients sealedRecipients,
            Traces traces) {
        this.queue = queue;
        channels.forEach(channel -> this.channels.put(channel.kind(), channel));
        this.guards = guards;
        this.schedule = schedule;
        this.properties = properties;
        this.clock = clock;
        this.transactions = transactions;
        this.outbox = outbox;
        this.metrics = metrics;
        this.publisher = publisher;
        this.checks = List.copyOf(checks);
        this.texts = texts;
        this.sealedRecipients = sealedRecipients;
        this.traces = traces;
        this.senders = new Semaphore(properties.inFlight());
    }

    /** New notices committed on this instance: look now, not at the next poll. */
    @TransactionalEventListener(fallbackExecution = true)
    void onRecorded(NoticesRecorded recorded) {
        wake();
    }

    void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        AtomicInteger number = new AtomicInteger();
        pool = Executors.newFixedThreadPool(properties.inFlight(), task -> {
            Thread thread = new Thread(task, "notice-sender-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        dispatcher = new Thread(this::dispatch, "notice-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            dispatcher.join(TimeUnit.SECONDS.toMillis(5));
            pool.shutdown();
            // Sends in flight finish and record their outcome; a claim left behind is taken after its lease.
            if (!pool.awaitTermination(15, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void dispatch() {
        while (running) {
            int free = senders.availablePermits();
            int claimed = 0;
            if (free > 0) {
                try {
                    claimed = claimAndSubmit(free);
                } catch (RuntimeException e) {
                    // The database may be away: try again at the next poll. The exception's class only.
                    log.warn("Claiming due notices failed: {}", e.getClass().getSimpleName());
                }
            }
            if (free == 0 || claimed < free) {
                awaitWakeUp();
            }
        }
    }

    private int claimAndSubmit(int free) {
        OffsetDateTime now = now();
        List<ClaimedNotice> claimed = queue.claim(
                free,
                guards.claimable().stream().filter(channels::containsKey).toList(),
                now,
                now.plus(properties.lease()));
        for (ClaimedNotice notice : claimed) {
            senders.acquireUninterruptibly();
            pool.execute(() -> {
                // The attempt continues the trace the notice was recorded in (docs/adr/0033).
                Span span = traces.startChild(
                        "notice delivery",
                        Span.Kind.CLIENT,
                        notice.cause().traceparent(),
                        notice.cause().tracestate());
                span.tag("qorgau.notice.channel", notice.recipient().channel().name());
                try (Tracer.SpanInScope scope = traces.inScope(span)) {
                    deliver(notice);
                } catch (RuntimeException e) {
                    span.error(e);
                    // The outcome could not be recorded (the database away?): the claim runs out and the
                    // notice is sent again, under the same Message-ID or notice id.
                    log.error(
                            "Notice {}: the outcome could not be recorded ({}); it will be sent again after its lease",
                            notice.id(),
                            e.getClass().getSimpleName());
                } finally {
                    span.end();
                    senders.release();
                    wake();
                }
            });
        }
        return claimed.size();
    }

    private void awaitWakeUp() {
        try {
            wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** One attempt of one claimed notice, and its outcome recorded. */
    void deliver(ClaimedNotice notice) {
        NotificationChannel kind = notice.recipient().channel();
        for (NoticeCheck check : checks) {
            Optional<String> reason = check.supersededBecause(notice.cause(), notice.recipient());
            if (reason.isPresent()) {
                superseded(notice, reason.get());
                return;
            }
        }
        ClaimedNotice attempt;
        if (SealedRecipients.isSealed(notice.recipient())) {
            Optional<SealedRecipients.Opened> opened =
                    sealedRecipients.open(notice.id(), notice.recipient(), notice.subject(), notice.body());
            if (opened.isEmpty()) {
                superseded(notice, "RECIPIENT_GONE");
                return;
            }
            attempt = notice.opened(opened.get());
        } else {
            attempt = texts.forAttempt(notice);
        }
        switch (guards.permit(kind)) {
            case BREAKER_OPEN -> {
                holdBack(notice, BREAKER_PAUSE, "CIRCUIT_OPEN");
                return;
            }
            case RATE_LIMITED -> {
                holdBack(notice, RATE_PAUSE, "RATE_LIMITED");
                return;
            }
            case GRANTED -> {}
        }
        long start = System.nanoTime();
        try {
            channels.get(kind).send(attempt);
        } catch (DeliveryFailure failure) {
            judge(kind, failure, System.nanoTime() - start);
            failed(notice, failure);
            return;
        } catch (RuntimeException bug) {
            guards.neutral(kind);
            failed(notice, new DeliveryFailure("DELIVERY_ERROR", true, bug));
            return;
        }
        guards.succeeded(kind, System.nanoTime() - start);
        sent(notice);
    }

    private void judge(NotificationChannel kind, DeliveryFailure failure, long nanos) {
        if (DeliveryFailure.WEBHOOK_THROTTLED.equals(failure.reason())
                || DeliveryFailure.SMS_THROTTLED.equals(failure.reason())) {
            guards.neutral(kind);
        } else if (failure.retryable()) {
            guards.failed(kind, nanos, failure);
        } else {
            guards.succeeded(kind, nanos);
        }
    }

    private void holdBack(ClaimedNotice notice, Duration pause, String reason) {
        OffsetDateTime now = now();
        if (!now.isBefore(notice.deadline())) {
            // The last real failure says more than the breaker that followed it.
            giveUp(notice, false, notice.lastError() != null ? notice.lastError() : reason, now);
            return;
        }
        queue.release(notice, now.plus(pause));
    }

    private void sent(ClaimedNotice notice) {
        OffsetDateTime at = now();
        NotificationSent outcome = new NotificationSent(
                notice.orderId(),
                notice.id().toString(),
                notice.cause().eventId().toString(),
                notice.recipient().role(),
                notice.recipient().channel(),
                at.toInstant(),
                notice.attempts() + 1);
        if (settle(notice, () -> queue.markSent(notice, at), outcome, () -> {})) {
            OffsetDateTime eventTime = notice.cause().time();
            metrics.sent(
                    notice.recipient(),
                    notice.cause().eventType(),
                    eventTime == null ? null : Duration.between(eventTime, at));
        } else {
            log.warn("Notice {} was sent after its claim ran out; another worker may send it again", notice.id());
        }
    }

    private void superseded(ClaimedNotice notice, String reason) {
        OffsetDateTime at = now();
        NotificationSuperseded outcome = new NotificationSuperseded(
                notice.orderId(),
                notice.id().toString(),
                notice.cause().eventId().toString(),
                notice.recipient().role(),
                notice.recipient().channel(),
                at.toInstant(),
                reason);
        if (settle(notice, () -> queue.markSuperseded(notice, reason), outcome, () -> {})) {
            metrics.superseded(notice.recipient(), reason);
            log.info("Notice {} superseded before its attempt: {}", notice.id(), reason);
        }
    }

    private void failed(ClaimedNotice notice, DeliveryFailure failure) {
        // The reason code only: the provider's message may quote the address.
        log.warn("Notice {} attempt {} failed: {}", notice.id(), notice.attempts() + 1, failure.reason());
        OffsetDateTime now = now();
        OffsetDateTime next = failure.retryable()
                ? schedule.next(notice.attempts() + 1, failure.retryAfter(), now, notice.deadline())
                : null;
        if (next == null) {
            giveUp(notice, true, failure.reason(), now);
        } else {
            transactions.executeWithoutResult(status -> queue.retryLater(notice, next, failure.reason()));
            metrics.retry(notice.recipient());
        }
    }

    private void giveUp(ClaimedNotice notice, boolean attempted, String reason, OffsetDateTime at) {
        int attempts = notice.attempts() + (attempted ? 1 : 0);
        NotificationFailed outcome = new NotificationFailed(
                notice.orderId(),
                notice.id().toString(),
                notice.cause().eventId().toString(),
                notice.recipient().role(),
                notice.recipient().channel(),
                at.toInstant(),
                // The event counts at least one: a notice held back by its breaker until its deadline had none
                // of its own.
                Math.max(1, attempts),
                reason);
        boolean recorded = settle(
                notice,
                () -> queue.markFailed(notice, attempted, at, reason),
                outcome,
                () -> publisher.publishEvent(new NoticeGivenUp(
                        notice.id(),
                        notice.cause(),
                        notice.recipient(),
                        notice.district(),
                        reason,
                        notice.reportsNotice())));
        if (recorded) {
            metrics.failed(notice.recipient(), reason);
            log.error("Notice {} given up after {} attempts: {}", notice.id(), attempts, reason);
        }
    }

    /**
     * Marks the notice and records its outcome event (and what else must commit with it) in one transaction;
     * false when the mark found the claim lost, and nothing is recorded.
     */
    private boolean settle(ClaimedNotice notice, BooleanSupplier mark, QorgauEvent outcome, Runnable alsoRecord) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!mark.getAsBoolean()) {
                return false;
            }
            record(notice, outcome);
            alsoRecord.run();
            return true;
        }));
    }

    private void record(ClaimedNotice notice, QorgauEvent event) {
        NoticeCause cause = notice.cause();
        // The outcome event is a child of this attempt's span (the notice's stored context without a tracer).
        outbox.record(event, notice.id(), traces.continuing(cause.traceparent()), cause.tracestate());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
