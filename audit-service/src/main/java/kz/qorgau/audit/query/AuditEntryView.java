package kz.qorgau.audit.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import kz.qorgau.audit.entry.StoredEntry;
import kz.qorgau.audit.subjectkey.PayloadState;
import kz.qorgau.audit.subjectkey.SubjectKeys;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import kz.qorgau.auditlog.RecordHeader;
import org.jspecify.annotations.Nullable;

/**
 * An entry as the API shows it: every field the leaf hash covers, times already in the canonical
 * text form, so that an auditor can recompute the leaf from this alone (docs/adr/0008 for version
 * 1, docs/adr/0012 for version 2, docs/adr/0031 for version 3, whose leaf covers the encrypted payload's
 * digest: the payload shown decrypted, or not at all once shredded).
 */
@Schema(description = "One entry of the audit trail")
record AuditEntryView(
        @Schema(description = "Position in the trail, from 1, without gaps") long sequence,
        @Schema(
                        description = "The canonical encoding its leaf hash covers: 1 an event with data, 2 an"
                                + " event without data or an unreadable record (docs/adr/0012), 3 every entry"
                                + " since crypto-shredding (docs/adr/0031)")
                int encodingVersion,
        @Schema(
                        description = "true: the record could not be read as a Qorgau event and was appended raw"
                                + " (key, headers and value as received); it has no event attributes")
                boolean unreadable,
        @Schema(description = "Why the record could not be read; null for an event") @Nullable String unreadableReason,
        @Schema(description = "CloudEvents id; null for an unreadable record") @Nullable UUID eventId,
        @Schema(description = "CloudEvents type", example = "kz.qorgau.order.issued.v1") @Nullable String type,
        @Schema(description = "CloudEvents source: the producing service") @Nullable String source,
        @Schema(
                        description = "CloudEvents subject: the order id, or the access id of an access that"
                                + " concerns no single order")
                @Nullable
                String subject,
        @Schema(description = "The event's number among its subject's events") @Nullable Long subjectSequence,
        @Schema(description = "CloudEvents time, UTC, microseconds", example = "2026-03-01T10:15:30.000000Z") @Nullable
                String time,
        @Schema(description = "content-type header as received") @Nullable String dataContentType,
        @Schema(description = "ce_dataschema header as received") @Nullable String dataSchema,
        @Schema(description = "Kafka topic the record was read from") String topic,
        @Schema(description = "Kafka partition") int partition,
        @Schema(description = "Kafka offset") long offset,
        @Schema(description = "When the entry was appended, UTC, microseconds") String recordedAt,
        @Schema(description = "false when the record had no value (an event without data): payload is then empty")
                boolean hasPayload,
        @Schema(
                        description =
                                "The record value exactly as received, base64; sealed fields stay sealed. Left out"
                                        + " of an evidence bundle without payloads (payloadSha256 then stands in for"
                                        + " it), and of a version 3 entry whose payload is not READABLE")
                @JsonInclude(JsonInclude.Include.NON_NULL)
                @Nullable
                String payload,
        @Schema(
                        description = "Hex SHA-256 of the payload bytes as stored (field 15 of the canonical"
                                + " encoding): for version 3 with a payloadKey, of the encrypted bytes; null without")
                @Nullable
                String payloadSha256,
        @Schema(
                        description = "Version 3: the key the stored payload is encrypted under (field 19); absent"
                                + " when the payload is stored in clear (docs/adr/0031)")
                @JsonInclude(JsonInclude.Include.NON_NULL)
                @Nullable
                String payloadKey,
        @Schema(
                        description = "With a payloadKey: READABLE (payload decrypted), SHREDDED (the key was"
                                + " destroyed when retention ended; no payload, the proofs still verify),"
                                + " KEY_MISSING or NOT_AUTHENTIC (no payload; never expected)")
                @JsonInclude(JsonInclude.Include.NON_NULL)
                @Nullable
                PayloadState payloadState,
        @Schema(
                        description = "Only in an evidence bundle with payloads, for a READABLE encrypted payload: the"
                                + " bytes as stored, base64, which the offline verifier opens with the bundle's"
                                + " payloadKeys and holds to payloadSha256 and payload (docs/adr/0031)")
                @JsonInclude(JsonInclude.Include.NON_NULL)
                @Nullable
                String storedPayload,
        @Schema(description = "Version 2: the record key as received, base64; null when it had none") @Nullable
                String key,
        @Schema(description = "Version 2: the record headers as received, in order; null for version 1") @Nullable
                List<HeaderView> headers,
        @Schema(description = "Hex SHA-256(0x00 ‖ canonical encoding)") String leafHash,
        @Schema(
                        description = "Hex SHA-256(previous chain hash ‖ leaf hash); left out of an evidence bundle,"
                                + " which does not hold the entries before")
                @JsonInclude(JsonInclude.Include.NON_NULL)
                @Nullable
                String chainHash) {

    /** A record header: its name, and its value in base64 (null when it had none). */
    @Schema(description = "A Kafka header as received")
    record HeaderView(String name, @Nullable String value) {}

    /** The entry with its payload as {@code opener} opens it (docs/adr/0031). */
    static AuditEntryView of(StoredEntry stored, SubjectKeys.Opener opener) {
        AuditEntry entry = stored.entry();
        byte[] storedPayload = entry.payload();
        SubjectKeys.Opened opened = opener.open(entry);
        byte[] payload = opened.payload();
        byte[] key = entry.key();
        List<RecordHeader> headers = entry.headers();
        return new AuditEntryView(
                entry.sequence(),
                entry.version(),
                entry.isUnreadable(),
                entry.unreadable(),
                entry.eventId(),
                entry.type(),
                entry.source(),
                entry.subject(),
                entry.subjectSequence(),
                entry.time() == null ? null : CanonicalEncoding.formatTime(entry.time()),
                entry.dataContentType(),
                entry.dataSchema(),
                entry.topic(),
                entry.partition(),
                entry.offset(),
                CanonicalEncoding.formatTime(entry.recordedAt()),
                storedPayload != null,
                storedPayload == null ? "" : payload == null ? null : base64(payload),
                storedPayload == null ? null : HexFormat.of().formatHex(CanonicalEncoding.payloadDigest(storedPayload)),
                entry.payloadKey(),
                entry.payloadKey() == null ? null : opened.state(),
                null,
                key == null ? null : base64(key),
                headers == null
                        ? null
                        : headers.stream()
                                .map(header -> new HeaderView(
                                        header.name(), header.value() == null ? null : base64(header.value())))
                                .toList(),
                stored.leafHash().hex(),
                stored.chainHash().hex());
    }

    /**
     * As an evidence bundle holds it (docs/adr/0027): without the chain hash, which only the entries before
     * could confirm, and without the payload unless asked; the payload's digest, which the leaf covers, stays.
     */
    AuditEntryView bundled(boolean withPayload, byte @Nullable [] storedPayload) {
        return new AuditEntryView(
                sequence,
                encodingVersion,
                unreadable,
                unreadableReason,
                eventId,
                type,
                source,
                subject,
                subjectSequence,
                time,
                dataContentType,
                dataSchema,
                topic,
                partition,
                offset,
                recordedAt,
                hasPayload,
                withPayload ? payload : null,
                payloadSha256,
                payloadKey,
                payloadState,
                withPayload && storedPayload != null ? base64(storedPayload) : null,
                key,
                headers,
                leafHash,
                null);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
