package kz.qorgau.order.outbox;

import io.cloudevents.CloudEvent;
import java.util.concurrent.CompletableFuture;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.EventType;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.order.platform.QorgauKafkaProperties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Turns an outbox row back into its CloudEvent (through the contract's codec, so the wire format is the
 * contract's) and sends it: binary mode, key = order id, on the event type's topic in this namespace.
 */
class OutboxPublisher implements DisposableBean {

    private final KafkaTemplate<String, CloudEvent> template;
    private final EventCodec codec;
    private final QorgauKafkaProperties kafka;

    OutboxPublisher(KafkaTemplate<String, CloudEvent> template, EventCodec codec, QorgauKafkaProperties kafka) {
        this.template = template;
        this.codec = codec;
        this.kafka = kafka;
    }

    /** Sends the row; the future completes when the broker acknowledged it (acks=all) or it failed. */
    CompletableFuture<SendResult<String, CloudEvent>> send(OutboxRow row) {
        try {
            EventType<?> type = EventTypes.require(row.type());
            QorgauEvent data = codec.readData(type, row.data());
            EventEnvelope<QorgauEvent> envelope = new EventEnvelope<>(
                    row.eventId(),
                    row.type(),
                    row.source(),
                    row.time(),
                    row.subject(),
                    row.sequence(),
                    row.traceparent(),
                    row.tracestate(),
                    data);
            ProducerRecord<String, CloudEvent> record =
                    new ProducerRecord<>(kafka.topic(type.topicSpec()), row.subject(), codec.toCloudEvent(envelope));
            return template.send(record);
        } catch (RuntimeException e) {
            // A row that cannot be read or a send the client refuses at once: a failed attempt like any other.
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Closes the relay's producer (after the relay has stopped: it depends on this bean). */
    @Override
    public void destroy() {
        template.destroy();
    }
}
