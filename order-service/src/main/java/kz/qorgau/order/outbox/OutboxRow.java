package kz.qorgau.order.outbox;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An unpublished outbox row: everything the CloudEvent needs. */
record OutboxRow(
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
        // The data holds only sealed personal data, but logs need none of it.
        return "OutboxRow[eventId=" + eventId + ", type=" + type + ", subject=" + subject + ", sequence=" + sequence
                + "]";
    }
}
