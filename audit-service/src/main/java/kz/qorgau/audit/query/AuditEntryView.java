package kz.qorgau.audit.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import kz.qorgau.audit.entry.AuditEntry;
import kz.qorgau.audit.entry.CanonicalEncoding;
import kz.qorgau.audit.entry.StoredEntry;
import org.jspecify.annotations.Nullable;

/**
 * An entry as the API shows it: every field the leaf hash covers, times already in the canonical
 * text form, so that an auditor can recompute the leaf from this alone (docs/adr/0008).
 */
@Schema(description = "One entry of the audit trail")
record AuditEntryView(
        @Schema(description = "Position in the trail, from 1, without gaps") long sequence,
        @Schema(description = "CloudEvents id") UUID eventId,
        @Schema(description = "CloudEvents type", example = "kz.qorgau.order.issued.v1") String type,
        @Schema(description = "CloudEvents source: the producing service") String source,
        @Schema(
                        description = "CloudEvents subject: the order id, or the access id of an access that"
                                + " concerns no single order")
                String subject,
        @Schema(description = "The event's number among its subject's events") long subjectSequence,
        @Schema(description = "CloudEvents time, UTC, microseconds", example = "2026-03-01T10:15:30.000000Z")
                String time,
        @Schema(description = "content-type header as received") @Nullable String dataContentType,
        @Schema(description = "ce_dataschema header as received") @Nullable String dataSchema,
        @Schema(description = "Kafka topic the event was read from") String topic,
        @Schema(description = "Kafka partition") int partition,
        @Schema(description = "Kafka offset") long offset,
        @Schema(description = "When the entry was appended, UTC, microseconds") String recordedAt,
        @Schema(description = "The CloudEvent data exactly as received, base64; sealed fields stay sealed")
                String payload,
        @Schema(description = "Hex SHA-256 of the payload bytes (field 15 of the canonical encoding)")
                String payloadSha256,
        @Schema(description = "Hex SHA-256(0x00 ‖ canonical encoding)") String leafHash,
        @Schema(description = "Hex SHA-256(previous chain hash ‖ leaf hash)") String chainHash) {

    static AuditEntryView of(StoredEntry stored) {
        AuditEntry entry = stored.entry();
        byte[] payload = entry.payload();
        return new AuditEntryView(
                entry.sequence(),
                entry.eventId(),
                entry.type(),
                entry.source(),
                entry.subject(),
                entry.subjectSequence(),
                CanonicalEncoding.formatTime(entry.time()),
                entry.dataContentType(),
                entry.dataSchema(),
                entry.topic(),
                entry.partition(),
                entry.offset(),
                CanonicalEncoding.formatTime(entry.recordedAt()),
                Base64.getEncoder().encodeToString(payload),
                HexFormat.of().formatHex(CanonicalEncoding.payloadDigest(payload)),
                stored.leafHash().hex(),
                stored.chainHash().hex());
    }
}
