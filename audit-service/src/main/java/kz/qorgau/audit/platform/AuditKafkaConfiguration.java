package kz.qorgau.audit.platform;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import kz.qorgau.events.EventContractException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the writer consumes: a record that is not a valid Qorgau CloudEvent goes to {@code
 * <topic>-dlt} at once (and is counted, so an auditor knows); any other failure, such as the
 * database being away, is retried for as long as it takes, blocking the partition so that entries
 * keep their order. Nothing is ever logged and skipped.
 */
@Configuration(proxyBeanMethods = false)
class AuditKafkaConfiguration {

    /** The one CommonErrorHandler, picked up by Boot's listener container factory. */
    @Bean
    CommonErrorHandler auditErrorHandler(KafkaTemplate<?, ?> deadLetterTemplate, MeterRegistry meters) {
        // Default destination: <topic>-dlt, same partition; original value and headers plus kafka_dlt-* headers.
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(deadLetterTemplate);
        deadLetters.setFailIfSendResultIsError(true);
        deadLetters.setWaitForSendResultTimeout(Duration.ofSeconds(30));
        DefaultErrorHandler handler =
                new DefaultErrorHandler(new CountingDeadLetterRecoverer(deadLetters, meters), retryUntilItWorks());
        handler.addNotRetryableExceptions(EventContractException.class);
        handler.setRetryListeners(new FailureLog(meters));
        return handler;
    }

    /**
     * Short blocking back-offs (each well under {@code max.poll.interval.ms}), without limit: a valid
     * event must end up in the trail, never in the dead-letter topic because the database was down.
     */
    static BackOff retryUntilItWorks() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    @Bean
    WriterLeadership writerLeadership(
            DataSourceProperties database, KafkaListenerEndpointRegistry listeners, AuditProperties properties) {
        return new WriterLeadership(
                writerSessions(database, properties.writer()),
                listeners,
                properties.writer().checkInterval());
    }

    /**
     * Unpooled connections with the service's own settings: the writer session lives as long as the
     * lock, which a pool's housekeeping must not touch. Deliberately not a bean, so Boot's pooled
     * DataSource stays the application's one DataSource. PostgreSQL ends a session that stays silent
     * for the lease (docs/adr/0013-leader-sessions.md): a frozen or cut-off writer loses the lock
     * within it, not after hours of TCP keepalives that a frozen host's kernel still answers.
     */
    private static DataSource writerSessions(DataSourceProperties database, AuditProperties.Writer writer) {
        SimpleDriverDataSource sessions = database.initializeDataSourceBuilder()
                .type(SimpleDriverDataSource.class)
                .build();
        Properties connection = new Properties();
        // Shows as application_name in pg_stat_activity, so operators can see who holds the lock.
        connection.setProperty("ApplicationName", "audit-service writer");
        connection.setProperty("tcpKeepAlive", "true");
        connection.setProperty("options", writer.serverOptions());
        sessions.setConnectionProperties(connection);
        return sessions;
    }

    /** Publishes to the dead-letter topic, then counts and logs it (without the record's content). */
    static final class CountingDeadLetterRecoverer implements ConsumerAwareRecordRecoverer {

        private static final Logger log = LoggerFactory.getLogger(CountingDeadLetterRecoverer.class);

        private final DeadLetterPublishingRecoverer deadLetters;
        private final MeterRegistry meters;

        CountingDeadLetterRecoverer(DeadLetterPublishingRecoverer deadLetters, MeterRegistry meters) {
            this.deadLetters = deadLetters;
            this.meters = meters;
        }

        @Override
        public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
            deadLetters.accept(record, consumer, exception);
            meters.counter("audit.dead.lettered", "topic", record.topic()).increment();
            log.warn(
                    "{}-{}@{} is not a valid Qorgau event; it went to the dead-letter topic, not into the trail: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    reason(exception));
        }

        /** Our contract exceptions never quote field values; other messages might, so only their class. */
        private static String reason(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof EventContractException contract) {
                    return contract.getMessage();
                }
            }
            return exception.getClass().getName();
        }
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
            Throwable cause = exception.getCause() != null ? exception.getCause() : exception;
            meters.counter(
                            "audit.append.failures",
                            "exception",
                            cause.getClass().getSimpleName())
                    .increment();
            log.warn(
                    "Appending {}-{}@{} failed (attempt {}): {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    deliveryAttempt,
                    cause.toString());
        }
    }
}
