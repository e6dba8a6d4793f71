package kz.qorgau.kit.outbox;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.EventType;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.kit.tracing.Traces;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.springframework.beans.factory.DisposableBean;

/**
 * Turns an outbox row back into its CloudEvent (through the contract's codec, so the wire format is the
 * contract's) and sends it: binary mode, key = subject, on the event type's topic in this namespace.
 *
 * <p>Besides the CloudEvents {@code ce_traceparent}/{@code ce_tracestate}, each record carries the W3C
 * {@code traceparent}/{@code tracestate} headers that Spring Kafka's observation (and any W3C propagator)
 * reads, so a consumer's span continues the trace of the change that wrote the event. With a tracer, each
 * send is a producer span whose parent is the row's stored context, and the W3C headers carry that span
 * (the CloudEvents extensions keep the stored context: the event's causation, docs/adr/0033).
 *
 * <p>Sends go in Kafka transactions of one {@code transactional.id} that every instance's relay shares
 * (docs/adr/0013-leader-sessions.md). Each term as the active relay starts with a new producer whose
 * {@code initTransactions()} fences every earlier producer of that id: a relay that lost its lock while it
 * was frozen can send nothing when it resumes, and what it had sent but not committed is aborted.
 */
final class KafkaOutboxPublisher implements OutboxPublisher, DisposableBean {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> settings;
    private final EventCodec codec;
    private final String namespace;
    private final MeterRegistry meters;
    private final Traces traces;
    private Producer<String, CloudEvent> producer;
    private KafkaClientMetrics producerMetrics;

    /**
     * @param settings the producer's complete configuration, {@code transactional.id} included
     * @param namespace the topic namespace (empty in production)
     */
    KafkaOutboxPublisher(
            Map<String, Object> settings, EventCodec codec, String namespace, MeterRegistry meters, Traces traces) {
        this.settings = Map.copyOf(settings);
        this.codec = codec;
        this.namespace = namespace;
        this.meters = meters;
        this.traces = traces;
    }

    @Override
    public void open() {
        close();
        Producer<String, CloudEvent> opened = new KafkaProducer<>(settings);
        try {
            opened.initTransactions();
        } catch (RuntimeException e) {
            opened.close(Duration.ZERO);
            throw e;
        }
        producer = opened;
        // The client's own metrics (sends, errors, latency), as Boot binds them for the producers it makes.
        producerMetrics = new KafkaClientMetrics(opened);
        producerMetrics.bindTo(meters);
    }

    @Override
    public void begin() {
        producer().beginTransaction();
    }

    @Override
    public CompletableFuture<RecordMetadata> send(OutboxRow row) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        Span span = traces.startChild("outbox publish", Span.Kind.PRODUCER, row.traceparent(), row.tracestate());
        try {
            ProducerRecord<String, CloudEvent> record = record(row);
            span.tag("messaging.system", "kafka")
                    .tag("messaging.destination.name", record.topic())
                    .tag("qorgau.event.type", row.type());
            Traces.traceparent(span).ifPresent(publish -> addTraceHeaders(record.headers(), publish, row.tracestate()));
            producer().send(record, (metadata, failure) -> {
                if (failure != null) {
                    span.error(failure);
                    span.end();
                    result.completeExceptionally(failure);
                } else {
                    span.end();
                    result.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            // A row that cannot be read or a send the client refuses at once: a failed attempt like any other.
            span.error(e);
            span.end();
            result.completeExceptionally(e);
        }
        return result;
    }

    /** The row's record: its CloudEvent on its type's topic, keyed by subject, with the W3C trace headers. */
    ProducerRecord<String, CloudEvent> record(OutboxRow row) {
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
        ProducerRecord<String, CloudEvent> record = codec.toProducerRecord(envelope, namespace);
        addTraceHeaders(record.headers(), row.traceparent(), row.tracestate());
        return record;
    }

    /** W3C Trace Context over Kafka: {@code traceparent}, and {@code tracestate} when there is one. */
    static void addTraceHeaders(Headers headers, String traceparent, String tracestate) {
        if (traceparent == null) {
            return;
        }
        headers.remove("traceparent");
        headers.add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
        headers.remove("tracestate");
        if (tracestate != null && !tracestate.isEmpty()) {
            headers.add("tracestate", tracestate.getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Override
    public void flush() {
        producer().flush();
    }

    @Override
    public void commit() {
        producer().commitTransaction();
    }

    @Override
    public void abort() {
        producer().abortTransaction();
    }

    @Override
    public void close() {
        if (producerMetrics != null) {
            producerMetrics.close();
            producerMetrics = null;
        }
        if (producer != null) {
            Producer<String, CloudEvent> closing = producer;
            producer = null;
            closing.close(CLOSE_TIMEOUT);
        }
    }

    private Producer<String, CloudEvent> producer() {
        if (producer == null) {
            throw new IllegalStateException("the relay's producer is not open: this instance is not the active relay");
        }
        return producer;
    }

    /** Closes the relay's producer (after the relay has stopped: it depends on this bean). */
    @Override
    public void destroy() {
        close();
    }
}
