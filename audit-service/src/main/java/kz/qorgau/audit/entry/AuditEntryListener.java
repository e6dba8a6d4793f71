package kz.qorgau.audit.entry;

import java.util.Map;
import java.util.stream.Stream;
import kz.qorgau.audit.writer.WriterLeadership;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Reads every topic of the catalogue and its dead-letter topic, one record at a time, and appends it: an
 * event as an event, a dead letter or anything else raw and flagged (docs/adr/0012). The container starts only on the instance that
 * holds the writer lock ({@link WriterLeadership}). Offsets are committed after the listener
 * returned, i.e. after the entry was committed; the listener throws only when the database is away
 * or the lock is lost, and the error handler then retries the same record until it is appended.
 */
@Component
public class AuditEntryListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(AuditEntryListener.class);

    private final AuditAppender appender;
    private final EventCodec codec;
    private final String[] topics;
    private final JdbcClient jdbc;

    public AuditEntryListener(AuditAppender appender, EventCodec codec, QorgauKafkaProperties kafka, JdbcClient jdbc) {
        this.appender = appender;
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
            autoStartup = "false")
    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        appender.append(ReceivedRecord.read(record, codec));
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
