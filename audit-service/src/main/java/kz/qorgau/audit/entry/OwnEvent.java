package kz.qorgau.audit.entry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;

/**
 * An event audit-service appends itself, never read from a topic: a subject's key destroyed, a legal hold
 * placed or lifted (docs/adr/0031). Its topic is {@value #TOPIC}, which no Kafka topic can be named, at
 * partition 0 and offset 0; its payload, JSON without personal data, is stored in clear (no payload key).
 *
 * @param type a CloudEvents type {@code kz.qorgau.audit.*.v1}
 * @param subject the subject it concerns
 * @param payload JSON, no personal data
 */
public record OwnEvent(UUID eventId, String type, String subject, byte[] payload) implements ReceivedRecord {

    /** The topic of the service's own entries: parentheses are not allowed in Kafka topic names. */
    public static final String TOPIC = "(audit-service)";

    /** The CloudEvents source of the service's own entries. */
    public static final String SOURCE = "urn:qorgau:service:audit-service";

    public OwnEvent {
        payload = payload.clone();
    }

    public static OwnEvent of(String type, String subject, String json) {
        return new OwnEvent(UUID.randomUUID(), type, subject, json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public AuditEntry toEntry(long sequence, Instant recordedAt) {
        return new AuditEntry(
                CanonicalEncoding.VERSION_3,
                sequence,
                eventId,
                type,
                SOURCE,
                subject,
                0L,
                recordedAt,
                "application/json",
                null,
                TOPIC,
                0,
                0,
                recordedAt,
                payload,
                null,
                List.of(),
                null);
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public int partition() {
        return 0;
    }

    @Override
    public long offset() {
        return 0;
    }

    @Override
    public String toString() {
        return "OwnEvent[" + type + " " + eventId + "]";
    }
}
