package kz.qorgau.notification.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.qorgau.events.EventContractException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The one {@code CommonErrorHandler} of the service (Boot wires a unique one into every listener
 * container). Spring Kafka's default logs a record and skips it after ten attempts; here no record
 * is ever skipped silently:
 *
 * <ul>
 *   <li>a record that breaks the contract ({@link EventContractException}) goes straight to
 *       {@code <topic>-dlt}, same partition, with its original bytes and headers and the reason in
 *       the {@code kafka_dlt-*} headers;
 *   <li>a dependency outage (PostgreSQL, Kafka) is retried with a capped exponential back-off until
 *       the dependency is back: every record would fail alike, so none of them is dead-lettered;
 *   <li>anything else (a bug) is retried briefly, then dead-lettered.
 * </ul>
 *
 * <p>Retries are blocking, so one order's events stay in order; each pause stays far below {@code
 * max.poll.interval.ms}. If the dead-letter topic cannot be written, the record is not committed and
 * is tried again.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(KafkaErrorHandling.class);

    @Bean
    DefaultErrorHandler kafkaErrorHandler(
            KafkaTemplate<String, byte[]> template, QorgauKafkaProperties kafka, MeterRegistry meters) {
        var deadLetters = new DeadLetterPublishingRecoverer(template);
        deadLetters.setFailIfSendResultIsError(true);
        ConsumerAwareRecordRecoverer recoverer =
                (record, consumer, failure) -> deadLetter(deadLetters, record, consumer, failure, kafka, meters);

        QorgauKafkaProperties.Retry retry = kafka.retry();
        var handler = new DefaultErrorHandler(
                recoverer, new FixedBackOff(retry.interval().toMillis(), retry.attempts()));
        handler.addNotRetryableExceptions(EventContractException.class);
        BackOff untilBack = untilDependencyIsBack(retry);
        // null: the handler's own short back-off, then the dead-letter topic.
        handler.setBackOffFunction((record, failure) -> FailureKinds.isDependencyOutage(failure) ? untilBack : null);
        return handler;
    }

    private static BackOff untilDependencyIsBack(QorgauKafkaProperties.Retry retry) {
        var backOff = new ExponentialBackOff(retry.interval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxUnavailableInterval().toMillis());
        // No maximum elapsed time: an outage is waited out, however long it lasts.
        return backOff;
    }

    private static void deadLetter(
            DeadLetterPublishingRecoverer deadLetters,
            ConsumerRecord<?, ?> record,
            Consumer<?, ?> consumer,
            Exception failure,
            QorgauKafkaProperties kafka,
            MeterRegistry meters) {
        deadLetters.accept(record, consumer, failure);
        String reason = FailureKinds.rootCause(failure).getClass().getSimpleName();
        EventContractException contract = FailureKinds.contractViolation(failure);
        if (contract != null) {
            reason = EventContractException.class.getSimpleName();
        }
        Counter.builder("qorgau.events.dead.lettered")
                .description("Records sent to a dead-letter topic")
                .tag("topic", kafka.catalogueName(record.topic()))
                .tag("reason", reason)
                .register(meters)
                .increment();
        // Contract messages name type and field, never values; other messages may quote data.
        log.error(
                "Dead-lettered {}-{}@{}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                contract != null ? contract.getMessage() : reason);
    }
}
