package kz.qorgau.order.outbox;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.EventType;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.springframework.beans.factory.DisposableBean;

/**
 * Turns an outbox row back into its CloudEvent (through the contract's codec, so the wire format is the
 * contract's) and sends it: binary mode, key = order id, on the event type's topic in this namespace.
 *
 * <p>Sends go in Kafka transactions of one {@code transactional.id} that every instance's relay shares
 * (docs/adr/0013-leader-sessions.md). Each term as the active relay starts with a new producer whose
 * {@code initTransactions()} fences every earlier producer of that id: a relay that lost its lock while it
 * was frozen can send nothing when it resumes, and what it had sent but not committed is aborted.
 * Used by the relay thread only; not thread-safe.
 */
class OutboxPublisher implements DisposableBean {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> settings;
    private final EventCodec codec;
    private final QorgauKafkaProperties kafka;
    private final MeterRegistry meters;
    private Producer<String, CloudEvent> producer;
    private KafkaClientMetrics producerMetrics;

    /**
     * @param settings the producer's complete configuration, {@code transactional.id} included
     */
    OutboxPublisher(Map<String, Object> settings, EventCodec codec, QorgauKafkaProperties kafka, MeterRegistry meters) {
        this.settings = Map.copyOf(settings);
        this.codec = codec;
        this.kafka = kafka;
        this.meters = meters;
    }

    /**
     * Starts a term as the active relay: a new producer, registered with the transaction coordinator. From
     * here on the producer of any earlier term (on this or another instance) is fenced.
     */
    void open() {
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

    void begin() {
        producer().beginTransaction();
    }

    /**
     * Sends the row in the current transaction; the future completes when the broker acknowledged it
     * (acks=all) or it failed. Readers with {@code isolation.level=read_committed} see it only after
     * {@link #commit()}.
     */
    CompletableFuture<RecordMetadata> send(OutboxRow row) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
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
            producer().send(record, (metadata, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            // A row that cannot be read or a send the client refuses at once: a failed attempt like any other.
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Makes the transaction's records visible to read-committed consumers; throws when fenced. */
    void commit() {
        producer().commitTransaction();
    }

    /** Drops the transaction's records: read-committed consumers never see them. */
    void abort() {
        producer().abortTransaction();
    }

    /** Ends the term: the producer is closed (an open transaction is aborted by the coordinator). */
    void close() {
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

    /** Whether {@code failure} says that a newer relay has taken over this transactional id. */
    static boolean isFenced(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
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
