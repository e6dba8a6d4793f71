package kz.qorgau.audit.platform;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the writer consumes: every record is appended, an unreadable one raw and flagged
 * (docs/adr/0012), so the listener fails only when the database is away or the writer lock is lost.
 * Such a failure is retried for as long as it takes, the whole poll again (the listener takes a poll at
 * a time), with the consumer paused so that entries keep their order. Nothing is ever skipped, and
 * nothing goes to a dead-letter topic: audit-service would only have to audit it again.
 */
@Configuration(proxyBeanMethods = false)
class AuditKafkaConfiguration {

    /** The one CommonErrorHandler, picked up by Boot's listener container factory. */
    @Bean
    CommonErrorHandler auditErrorHandler(MeterRegistry meters) {
        DefaultErrorHandler handler = new DefaultErrorHandler(NEVER_SKIP, retryUntilItWorks());
        // Every exception is retried, including those Spring Kafka deems fatal by default.
        handler.setClassifications(Map.of(), true);
        handler.setRetryListeners(new FailureLog(meters));
        return handler;
    }

    /**
     * Reached only if the unlimited back-off ever ended: throwing makes the container seek back, so
     * the record comes again instead of being skipped.
     */
    static final ConsumerRecordRecoverer NEVER_SKIP = (record, failure) -> {
        throw new IllegalStateException("an audit record is never skipped", failure);
    };

    /**
     * Short blocking back-offs (each well under {@code max.poll.interval.ms}), without limit: every
     * record must end up in the trail, however long the database is away.
     */
    static BackOff retryUntilItWorks() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    /** Makes every failed attempt visible: a stalled partition must not go unnoticed. */
    static final class FailureLog implements RetryListener {

        private static final Logger log = LoggerFactory.getLogger(FailureLog.class);

        private final MeterRegistry meters;

        FailureLog(MeterRegistry meters) {
            this.meters = meters;
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int deliveryAttempt) {
            Throwable cause = counted(exception);
            log.warn(
                    "Appending {}-{}@{} failed (attempt {}): {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    deliveryAttempt,
                    cause.toString());
        }

        @Override
        public void failedDelivery(ConsumerRecords<?, ?> records, Exception exception, int deliveryAttempt) {
            Throwable cause = counted(exception);
            log.warn(
                    "Appending a poll of {} records from {} failed (attempt {}): {}",
                    records.count(),
                    records.partitions(),
                    deliveryAttempt,
                    cause.toString());
        }

        private Throwable counted(Exception exception) {
            Throwable cause = exception.getCause() != null ? exception.getCause() : exception;
            meters.counter(
                            "audit.append.failures",
                            "exception",
                            cause.getClass().getSimpleName())
                    .increment();
            return cause;
        }
    }
}
