package kz.qorgau.kit.outbox;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An unpublished outbox row: everything its CloudEvent needs. */
public record OutboxRow(
        long position,
        UUID eventId,
        String type,
        URI source,
        OffsetDateTime time,
        String subject,
        int sequence,
        String traceparent,
        String tracestate,
        byte[] data,
        int attempts) {

    @Override
    public String toString() {
        // The data may hold sealed personal data; logs need none of it.
        return "OutboxRow[eventId=" + eventId + ", type=" + type + ", subject=" + subject + ", sequence=" + sequence
                + "]";
    }
}
