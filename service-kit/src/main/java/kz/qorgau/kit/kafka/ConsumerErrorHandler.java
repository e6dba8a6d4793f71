package kz.qorgau.kit.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.qorgau.events.EventContractException;
import kz.qorgau.kit.metrics.MetricNames;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The one consumer error handler of a service that dead-letters (Boot wires a unique {@code
 * CommonErrorHandler} into every listener container). Spring Kafka's default logs a record and skips it
 * after ten attempts; here no record is ever skipped silently:
 *
 * <ul>
 *   <li>a contract violation ({@link EventContractException}, an undecodable record) goes straight to
 *       {@code <topic>-dlt}, same partition, with its original bytes and headers and the reason in the
 *       {@code kafka_dlt-*} headers;
 *   <li>an outage ({@link ConsumerFailures#isOutage}) is retried with a capped exponential back-off,
 *       without limit: every record would fail alike, so none of them is dead-lettered;
 *   <li>anything else is deterministic (a bug, a record the code cannot handle): retried briefly, then
 *       dead-lettered.
 * </ul>
 *
 * <p>The exception headers carry {@link ConsumerFailures#reason} only, never another exception's
 * message or a stack trace, which may quote data. Retries are blocking, so a key's records stay in
 * order; each pause stays far below {@code max.poll.interval.ms}. If the dead-letter topic cannot be
 * written, or a {@link DeadLetterListener} fails, the record is not committed and is tried again.
 */
public final class ConsumerErrorHandler {

    private static final Log log = LogFactory.getLog(ConsumerErrorHandler.class);

    private ConsumerErrorHandler() {}

    public static DefaultErrorHandler create(
            KafkaOperations<?, ?> template,
            QorgauKafkaProperties kafka,
            MeterRegistry meters,
            List<DeadLetterListener> listeners) {
        var deadLetters = new DeadLetterPublishingRecoverer(template);
        deadLetters.setFailIfSendResultIsError(true);
        deadLetters.setExceptionHeadersCreator(ConsumerErrorHandler::exceptionHeaders);

        QorgauKafkaProperties.Retry retry = kafka.retry();
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, failure) -> {
            deadLetters.accept(record, consumer, failure);
            deadLettered(record, failure, listeners, kafka, meters);
        };
        var handler = new DefaultErrorHandler(
                recoverer, new FixedBackOff(retry.interval().toMillis(), retry.attempts()));
        handler.addNotRetryableExceptions(EventContractException.class);
        BackOff untilBack = untilDependencyIsBack(retry);
        // null: the handler's own short back-off, then the dead-letter topic.
        handler.setBackOffFunction((record, failure) -> ConsumerFailures.isOutage(failure) ? untilBack : null);
        return handler;
    }

    /** No maximum elapsed time: an outage is waited out, however long it lasts. */
    static BackOff untilDependencyIsBack(QorgauKafkaProperties.Retry retry) {
        var backOff = new ExponentialBackOff(retry.interval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxUnavailableInterval().toMillis());
        return backOff;
    }

    private static void exceptionHeaders(
            Headers headers, Exception failure, boolean isKey, DeadLetterPublishingRecoverer.HeaderNames names) {
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, bytes(failure.getClass().getName()));
        headers.add(
                KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN,
                bytes(ConsumerFailures.kind(failure).getName()));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, bytes(ConsumerFailures.reason(failure)));
    }

    private static void deadLettered(
            ConsumerRecord<?, ?> record,
            Exception failure,
            List<DeadLetterListener> listeners,
            QorgauKafkaProperties kafka,
            MeterRegistry meters) {
        String reason = ConsumerFailures.reason(failure);
        for (DeadLetterListener listener : listeners) {
            listener.deadLettered(record, reason);
        }
        Counter.builder(MetricNames.EVENTS_DEAD_LETTERED)
                .description("Records sent to a dead-letter topic")
                .tag(MetricNames.TOPIC, kafka.catalogueName(record.topic()))
                .tag(MetricNames.REASON, ConsumerFailures.kind(failure).getSimpleName())
                .register(meters)
                .increment();
        log.error("Dead-lettered " + record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + reason);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
