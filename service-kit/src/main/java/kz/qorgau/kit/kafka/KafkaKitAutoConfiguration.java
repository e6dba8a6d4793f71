package kz.qorgau.kit.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import kz.qorgau.events.envelope.EventCodec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * What every service's Kafka side shares: {@code qorgau.kafka.*}, the contract's codec as one bean, and
 * the consumer error handler ({@link ConsumerErrorHandler}). A service that must never dead-letter
 * (audit-service, docs/adr/0012) declares its own {@link CommonErrorHandler}, and this one backs off.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(QorgauKafkaProperties.class)
public final class KafkaKitAutoConfiguration {

    /** The contract's codec; thread-safe, so one per service. */
    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    @ConditionalOnBean(KafkaTemplate.class)
    DefaultErrorHandler kafkaErrorHandler(
            KafkaTemplate<?, ?> template,
            QorgauKafkaProperties kafka,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<DeadLetterListener> listeners) {
        return ConsumerErrorHandler.create(
                template,
                kafka,
                meters.getIfAvailable(() -> Metrics.globalRegistry),
                listeners.orderedStream().toList());
    }
}
