package kz.qorgau.order.outbox;

import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;

/** The relay's own producer settings (not shared with anything else) and the relay itself. */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /**
     * The relay's own producer settings, derived from Boot's producer factory (bootstrap servers, security)
     * with the settings its guarantees rest on: idempotent, acks=all, CloudEvents binary mode, and one
     * {@code transactional.id} shared by every instance's relay (docs/adr/0013-leader-sessions.md). The
     * producer is not a bean, so nothing else can send through it by accident.
     */
    @Bean
    OutboxPublisher outboxPublisher(
            ProducerFactory<?, ?> producerFactory,
            KafkaProperties kafkaClient,
            OutboxProperties outbox,
            EventCodec codec,
            QorgauKafkaProperties kafka,
            MeterRegistry meters) {
        OutboxProperties.Relay relay = outbox.relay();
        int deliveryTimeout = Math.toIntExact(relay.sendTimeout().toMillis());
        int requestTimeout = Math.max(1000, Math.min(10_000, deliveryTimeout / 3));
        Map<String, Object> settings = new HashMap<>(producerFactory.getConfigurationProperties());
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId(kafkaClient) + "-outbox-relay");
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        // send() blocks for metadata while the broker is away; the round must not stall longer than a request.
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, requestTimeout);
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
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(relay, kafka));
        return new OutboxPublisher(settings, codec, kafka, meters);
    }

    /** The relay's transactional id in this topic namespace (tests share a broker, each in its namespace). */
    static String transactionalId(OutboxProperties.Relay relay, QorgauKafkaProperties kafka) {
        return kafka.namespace().isEmpty()
                ? relay.transactionalId()
                : kafka.namespace() + "." + relay.transactionalId();
    }

    @Bean
    OutboxRelay outboxRelay(
            JdbcConnectionDetails database,
            OutboxStore store,
            OutboxPublisher publisher,
            OutboxMetrics metrics,
            OutboxProperties outbox) {
        return new OutboxRelay(
                new RelayLeadership(database, outbox.relay().lease()), store, publisher, metrics, outbox.relay());
    }

    private static String clientId(KafkaProperties kafka) {
        return kafka.getClientId() == null ? "order-service" : kafka.getClientId();
    }
}
