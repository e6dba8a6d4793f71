package kz.qorgau.audit.entry;

import kz.qorgau.audit.writer.WriterLeadership;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads every topic of the catalogue, one record at a time, and appends it: an event as an event,
 * anything else raw and flagged (docs/adr/0012). The container starts only on the instance that
 * holds the writer lock ({@link WriterLeadership}). Offsets are committed after the listener
 * returned, i.e. after the entry was committed; the listener throws only when the database is away
 * or the lock is lost, and the error handler then retries the same record until it is appended.
 */
@Component
public class AuditEntryListener {

    private final AuditAppender appender;
    private final EventCodec codec;
    private final String[] topics;

    public AuditEntryListener(AuditAppender appender, EventCodec codec, QorgauKafkaProperties kafka) {
        this.appender = appender;
        this.codec = codec;
        // Dead-letter topics are not audited: their records are the producers' own, already in the trail.
        this.topics = Topics.all().stream().map(kafka::topic).toArray(String[]::new);
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
}
