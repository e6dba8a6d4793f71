package kz.qorgau.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.kit.parking.ParkingAutoConfiguration;
import kz.qorgau.kit.parking.SequencedParking;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** The kit's Kafka side in a service: one error handler and one codec, unless the service has its own. */
class KafkaKitAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    KafkaAutoConfiguration.class, KafkaKitAutoConfiguration.class, ParkingAutoConfiguration.class));

    @Test
    void aServiceGetsTheDeadLetteringHandlerTheCodecAndItsPropertiesButNoParkingUnlessItAsks() {
        runner.withPropertyValues("qorgau.kafka.namespace=ns1", "qorgau.kafka.retry.attempts=5")
                .run(context -> {
                    assertThat(context).hasSingleBean(DefaultErrorHandler.class);
                    assertThat(context).hasSingleBean(EventCodec.class);
                    assertThat(context.getBean(QorgauKafkaProperties.class).namespace())
                            .isEqualTo("ns1");
                    assertThat(context.getBean(QorgauKafkaProperties.class)
                                    .retry()
                                    .attempts())
                            .isEqualTo(5);
                    assertThat(context).doesNotHaveBean(SequencedParking.class);
                });
    }

    @Test
    void aServiceThatMustNeverDeadLetterKeepsItsOwnHandler() {
        runner.withUserConfiguration(NeverDeadLetters.class).run(context -> {
            assertThat(context).hasSingleBean(CommonErrorHandler.class);
            assertThat(context).doesNotHaveBean(DefaultErrorHandler.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class NeverDeadLetters {

        @Bean
        CommonErrorHandler auditErrorHandler() {
            return new CommonLoggingErrorHandler();
        }
    }
}
