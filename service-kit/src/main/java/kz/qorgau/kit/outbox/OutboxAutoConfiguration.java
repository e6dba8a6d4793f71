package kz.qorgau.kit.outbox;

import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.util.HashMap;
import java.util.Map;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.kit.database.KitSchema;
import kz.qorgau.kit.kafka.KafkaKitAutoConfiguration;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import kz.qorgau.kit.leader.LeaderSessions;
import kz.qorgau.kit.tracing.Traces;
import kz.qorgau.kit.tracing.TracingAutoConfiguration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The kit's transactional outbox and its relay (docs/adr/0018-kit-outbox-and-leader.md), for a service that
 * sets {@code qorgau.outbox.enabled=true}: the {@code kit_outbox} table (migrated before the service's own
 * migrations), {@link Outbox} to append in the caller's transaction, and the {@link OutboxRelay} that runs
 * on every instance, one of them active.
 */
@AutoConfiguration(
        after = {
            DataSourceAutoConfiguration.class,
            JdbcClientAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class,
            KafkaAutoConfiguration.class,
            KafkaKitAutoConfiguration.class,
            TracingAutoConfiguration.class
        })
@ConditionalOnClass({KafkaProducer.class, ProducerFactory.class, JdbcClient.class, PGConnection.class})
@ConditionalOnBooleanProperty("qorgau.outbox.enabled")
@EnableConfigurationProperties(OutboxProperties.class)
public final class OutboxAutoConfiguration {

    /** The kit's outbox tables: their own migrations and history table (docs/adr/0016, 0018). */
    @Bean
    KitSchema outboxKitSchema() {
        return new KitSchema("outbox", "classpath:db/kit/outbox", "kit_outbox_history");
    }

    @Bean
    @ConditionalOnMissingBean
    Traceparents outboxTraceparents(ObjectProvider<Tracer> tracer) {
        return new Traceparents(tracer);
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(JdbcClient jdbc, EventCodec codec, Traceparents traceparents) {
        return new Outbox(jdbc, codec, traceparents);
    }

    /**
     * The relay's own producer settings, derived from Boot's producer factory (bootstrap servers, security)
     * with the settings its guarantees rest on: idempotent, acks=all, CloudEvents binary mode, and one
     * {@code transactional.id} shared by every instance's relay (docs/adr/0013-leader-sessions.md). The
     * producer is not a bean, so nothing else can send through it by accident.
     */
    @Bean
    KafkaOutboxPublisher outboxPublisher(
            ProducerFactory<?, ?> producerFactory,
            OutboxProperties outbox,
            EventCodec codec,
            QorgauKafkaProperties kafka,
            Environment environment,
            MeterRegistry meters,
            Traces traces) {
        OutboxProperties.Relay relay = outbox.relay();
        String namespace = kafka.namespace();
        int deliveryTimeout = Math.toIntExact(relay.sendTimeout().toMillis());
        int requestTimeout = Math.max(1000, Math.min(10_000, deliveryTimeout / 3));
        Map<String, Object> settings = new HashMap<>(producerFactory.getConfigurationProperties());
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        Object clientId = settings.get(ProducerConfig.CLIENT_ID_CONFIG);
        settings.put(
                ProducerConfig.CLIENT_ID_CONFIG,
                (clientId == null ? applicationName(environment) : clientId) + "-outbox-relay");
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        // send() blocks for metadata while the broker is away; the round must not stall longer than a request.
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, requestTimeout);
        // Batches a round's sends as they are queued; the relay flushes after its last send, so no round waits it out.
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // A round's transaction lasts at most the send timeout and a margin; the coordinator aborts it after.
        settings.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, deliveryTimeout + 30_000);
        settings.putAll(relay.producerProperties());
        // Last, so no setting can weaken them: retries keep order (max 5 in flight) and never duplicate, and
        // every instance's relay shares one transactional id, so a new active relay fences the old one.
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                relay.transactionalIdIn(namespace, applicationName(environment)));
        return new KafkaOutboxPublisher(settings, codec, namespace, meters, traces);
    }

    @Bean
    OutboxRelay outboxRelay(
            JdbcConnectionDetails database,
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            KafkaOutboxPublisher publisher,
            OutboxProperties outbox,
            Environment environment,
            MeterRegistry meters,
            Traces traces) {
        OutboxStore store = new JdbcOutboxStore(jdbc, jdbcTemplate);
        LeaderSessions sessions = new LeaderSessions(
                database,
                applicationName(environment) + " outbox relay",
                outbox.relay().lease());
        return new OutboxRelay(
                new SessionRelayLeadership(sessions, OutboxRelay.LOCK),
                store,
                publisher,
                new OutboxMetrics(meters),
                outbox.relay(),
                new OutboxHousekeeping(store, outbox.retention(), outbox.purgeInterval()));
    }

    private static String applicationName(Environment environment) {
        return environment.getProperty("spring.application.name", "application");
    }
}
