package kz.qorgau.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import javax.sql.DataSource;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.kit.database.KitSchema;
import kz.qorgau.kit.kafka.KafkaKitAutoConfiguration;
import kz.qorgau.kit.tracing.TracingAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The outbox's wiring, with the kit's Kafka configuration it takes the codec and the namespace from; without a
 * database or a broker (nothing connects while the relay is off).
 */
class OutboxAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    KafkaKitAutoConfiguration.class, TracingAutoConfiguration.class, OutboxAutoConfiguration.class))
            .withUserConfiguration(ServiceBeans.class)
            .withPropertyValues("spring.application.name=some-service", "qorgau.outbox.relay.enabled=false");

    @Test
    void aServiceHasNoOutboxUnlessItTurnsItOn() {
        runner.run(context -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(Outbox.class)
                .doesNotHaveBean(OutboxRelay.class)
                .doesNotHaveBean(KitSchema.class));
    }

    @Test
    void turnedOnItBringsItsTableTheOutboxAndTheRelay() {
        runner.withPropertyValues("qorgau.outbox.enabled=true").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Outbox.class).hasSingleBean(OutboxRelay.class);
            assertThat(context.getBean(KitSchema.class))
                    .isEqualTo(new KitSchema("outbox", "classpath:db/kit/outbox", "kit_outbox_history"));
            assertThat(context.getBean(OutboxRelay.class).isAutoStartup()).isFalse();
            assertThat(context).hasSingleBean(EventCodec.class).hasSingleBean(Traceparents.class);
        });
    }

    @Test
    void aServicesOwnCodecIsTheOneTheOutboxUses() {
        runner.withPropertyValues("qorgau.outbox.enabled=true")
                .withUserConfiguration(OwnCodec.class)
                .run(context -> assertThat(context).getBean(EventCodec.class).isSameAs(OwnCodec.CODEC));
    }

    @Configuration(proxyBeanMethods = false)
    static class ServiceBeans {

        @Bean
        DataSource dataSource() {
            return new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none");
        }

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }

        @Bean
        JdbcConnectionDetails jdbcConnectionDetails() {
            return new JdbcConnectionDetails() {
                @Override
                public String getUsername() {
                    return "none";
                }

                @Override
                public String getPassword() {
                    return "none";
                }

                @Override
                public String getJdbcUrl() {
                    return "jdbc:postgresql://127.0.0.1:1/none";
                }
            };
        }

        @Bean
        ProducerFactory<Object, Object> producerFactory() {
            return new DefaultKafkaProducerFactory<>(Map.of("bootstrap.servers", "127.0.0.1:1"));
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCodec {

        static final EventCodec CODEC = new EventCodec();

        @Bean
        EventCodec ownCodec() {
            return CODEC;
        }
    }
}
