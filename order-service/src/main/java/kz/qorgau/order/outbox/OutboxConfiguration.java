package kz.qorgau.order.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.util.HashMap;
import java.util.Map;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.order.platform.QorgauKafkaProperties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.ProducerListener;

/** The relay's own producer (not shared with anything else) and the relay itself. */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /**
     * The relay's own producer, derived from Boot's producer factory (bootstrap servers, security, client
     * metrics) with the settings its guarantees rest on: idempotent, acks=all, CloudEvents binary mode.
     * The template copies the factory and closes the copy when the publisher is destroyed; it is not a
     * bean, so nothing else can send through it by accident.
     */
    @Bean
    OutboxPublisher outboxPublisher(
            ProducerFactory<?, ?> producerFactory,
            KafkaProperties kafkaClient,
            OutboxProperties outbox,
            EventCodec codec,
            QorgauKafkaProperties kafka) {
        OutboxProperties.Relay relay = outbox.relay();
        int deliveryTimeout = Math.toIntExact(relay.sendTimeout().toMillis());
        int requestTimeout = Math.max(1000, Math.min(10_000, deliveryTimeout / 3));
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId(kafkaClient) + "-outbox-relay");
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        // send() blocks for metadata while the broker is away; the round must not stall longer than a request.
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, requestTimeout);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.putAll(relay.producerProperties());
        // Last, so no setting can weaken them: retries keep order (max 5 in flight) and never duplicate.
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        @SuppressWarnings("unchecked") // the overrides set the key and value serializers to these types
        ProducerFactory<String, CloudEvent> base = (ProducerFactory<String, CloudEvent>) producerFactory;
        KafkaTemplate<String, CloudEvent> template = new KafkaTemplate<>(base, false, settings);
        // The default listener logs the record (key and payload) on errors; the relay logs ids only.
        template.setProducerListener(new ProducerListener<>() {});
        return new OutboxPublisher(template, codec, kafka);
    }

    @Bean
    OutboxRelay outboxRelay(
            JdbcConnectionDetails database,
            OutboxStore store,
            OutboxPublisher publisher,
            OutboxMetrics metrics,
            OutboxProperties outbox) {
        return new OutboxRelay(new RelayLeadership(database), store, publisher, metrics, outbox.relay());
    }

    private static String clientId(KafkaProperties kafka) {
        return kafka.getClientId() == null ? "order-service" : kafka.getClientId();
    }
}
