package kz.qorgau.audit.entry;

import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kz.qorgau.audit.writer.WriterLeadership;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import kz.qorgau.kit.tracing.Traces;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Reads every topic of the catalogue and its dead-letter topic and appends each record: an event as an event, a
 * dead letter or anything else raw and flagged (docs/adr/0012). A poll's records are appended in one
 * transaction, in their order, so the writer commits once per poll, not once per record. The container starts
 * only on the instance that holds the writer lock ({@link WriterLeadership}). Offsets are committed after the
 * listener returned, i.e. after the entries were committed; the listener throws only when the database is away
 * or the lock is lost, and the error handler then retries the same poll until it is appended (what is already
 * in the trail appends nothing).
 */
@Component
public class AuditEntryListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(AuditEntryListener.class);

    /** The W3C headers the relay writes beside {@code ce_traceparent}. */
    private static final String TRACEPARENT = "traceparent";

    private static final String TRACESTATE = "tracestate";

    private final AuditAppender appender;
    private final EventCodec codec;
    private final String[] topics;
    private final JdbcClient jdbc;
    private final Traces traces;

    public AuditEntryListener(
            AuditAppender appender, EventCodec codec, QorgauKafkaProperties kafka, JdbcClient jdbc, Traces traces) {
        this.appender = appender;
        this.traces = traces;
        this.codec = codec;
        this.jdbc = jdbc;
        // Each topic and its dead-letter topic: a dead letter is appended raw (docs/adr/0012), since its copy of an
        // event carries the event's id and would otherwise pass for the event already in the trail.
        this.topics = Topics.all().stream()
                .map(kafka::topic)
                .flatMap(topic -> Stream.of(topic, Topics.deadLetterTopic(topic)))
                .toArray(String[]::new);
    }

    /** The topics read, in this instance's namespace. */
    public String[] topics() {
        return topics.clone();
    }

    @KafkaListener(
            id = WriterLeadership.LISTENER_ID,
            groupId = Topics.AUDIT_SERVICE,
            topics = "#{__listener.topics()}",
            autoStartup = "false",
            batch = "true")
    public void onRecords(List<ConsumerRecord<byte[], byte[]>> records) {
        // Spring Kafka observes record listeners only: each record's span, child of its producer's, is ours.
        List<Span> spans = records.stream().map(this::span).toList();
        try {
            appender.appendAll(records.stream()
                    .map(record -> ReceivedRecord.read(record, codec))
                    .toList());
        } catch (RuntimeException e) {
            spans.forEach(span -> span.error(e));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }

    private Span span(ConsumerRecord<byte[], byte[]> record) {
        return traces.startChild(
                record.topic() + " append",
                Span.Kind.CONSUMER,
                header(record, TRACEPARENT),
                header(record, TRACESTATE));
    }

    private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    /**
     * The trail, not the group's committed offset, says where to go on: a partition whose committed offset is
     * past the trail's last record of it (a database restored from a backup, docs/adr/0032) is read again from
     * the record after that one. What is read again and already in the trail appends nothing.
     */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        assignments.forEach((partition, position) -> {
            long next = AuditLog.nextOffset(jdbc, partition.topic(), partition.partition());
            if (next < position) {
                log.warn(
                        "{}-{}: the group had committed offset {}, the trail holds records only before {};"
                                + " reading again from there",
                        partition.topic(),
                        partition.partition(),
                        position,
                        next);
                callback.seek(partition.topic(), partition.partition(), next);
            }
        });
    }
}
