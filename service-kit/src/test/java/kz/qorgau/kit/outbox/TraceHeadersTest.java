package kz.qorgau.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.events.NotificationSent;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.kit.tracing.Traces;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The records the relay sends carry the W3C trace headers beside the CloudEvents ones (no broker needed). */
class TraceHeadersTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final EventCodec codec = new EventCodec();
    private final KafkaOutboxPublisher publisher =
            new KafkaOutboxPublisher(Map.of(), codec, "ns1", new SimpleMeterRegistry(), withoutTracer());

    private static Traces withoutTracer() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        return new Traces(beans.getBeanProvider(Tracer.class), beans.getBeanProvider(Propagator.class));
    }

    @Test
    void theRecordCarriesTraceparentAndTracestateAsW3cAndAsCloudEventsHeaders() {
        Headers headers = serialized(row(TRACEPARENT, "vendor=abc"));

        assertThat(text(headers, "traceparent")).isEqualTo(TRACEPARENT);
        assertThat(text(headers, "tracestate")).isEqualTo("vendor=abc");
        assertThat(text(headers, "ce_traceparent")).isEqualTo(TRACEPARENT);
        assertThat(headers.headers("traceparent")).hasSize(1);
    }

    @Test
    void withoutATracestateOnlyTheTraceparentIsWritten() {
        Headers headers = serialized(row(TRACEPARENT, null));

        assertThat(text(headers, "traceparent")).isEqualTo(TRACEPARENT);
        assertThat(headers.lastHeader("tracestate")).isNull();
    }

    @Test
    void theRecordGoesToTheTypesTopicInTheNamespaceKeyedBySubject() {
        OutboxRow row = row(TRACEPARENT, null);
        ProducerRecord<String, CloudEvent> record = publisher.record(row);

        assertThat(record.key()).isEqualTo(row.subject());
        assertThat(record.topic()).startsWith("ns1.");
    }

    private Headers serialized(OutboxRow row) {
        ProducerRecord<String, CloudEvent> record = publisher.record(row);
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(), false);
            serializer.serialize(record.topic(), record.headers(), record.value());
        }
        return record.headers();
    }

    private OutboxRow row(String traceparent, String tracestate) {
        String orderId = UUID.randomUUID().toString();
        NotificationSent data = new NotificationSent(
                orderId,
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                "DUTY_UNIT",
                NotificationChannel.EMAIL,
                Instant.parse("2026-03-01T10:15:42Z"),
                1);
        EventEnvelope<NotificationSent> envelope =
                EventEnvelope.of(EventSources.NOTIFICATION_SERVICE, 1, data).withTrace(traceparent, tracestate);
        return new OutboxRow(
                1,
                envelope.id(),
                envelope.type(),
                envelope.source(),
                envelope.time(),
                envelope.subject(),
                1,
                traceparent,
                tracestate,
                codec.writeData(data),
                0);
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
