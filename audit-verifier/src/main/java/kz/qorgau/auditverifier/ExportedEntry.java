package kz.qorgau.auditverifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import kz.qorgau.auditlog.RecordHeader;
import kz.qorgau.auditlog.TreeHash;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One line of the export (GET /api/v1/audit/export): the entry as the entries API shows it, read back
 * into the fields its leaf hash covers, and the hashes the service stored beside it.
 */
record ExportedEntry(
        AuditEntry entry,
        byte @Nullable [] payloadDigest,
        byte[] statedLeafHash,
        byte @Nullable [] statedChainHash,
        @Nullable String payloadState,
        byte @Nullable [] storedPayload) {

    /**
     * @throws IllegalArgumentException when the line does not hold an entry
     */
    static ExportedEntry read(JsonNode line) {
        boolean hasPayload = bool(line, "hasPayload");
        // An evidence bundle may leave the payload out: its digest, which the leaf covers, stands in for it.
        String payload = optionalText(line, "payload");
        // Version 3 with a payload key (docs/adr/0031): the leaf covers the encrypted payload, whose digest is
        // given; the payload shown is decrypted (or gone once shredded) and cannot be hashed to it.
        String payloadKey = optionalText(line, "payloadKey");
        byte[] payloadBytes = null;
        byte[] digest = null;
        if (hasPayload) {
            if (payloadKey != null) {
                payloadBytes =
                        payload == null ? new byte[0] : Base64.getDecoder().decode(payload);
                digest = hex(line, "payloadSha256");
            } else if (payload == null) {
                payloadBytes = new byte[0];
                digest = hex(line, "payloadSha256");
            } else {
                payloadBytes = Base64.getDecoder().decode(payload);
                digest = CanonicalEncoding.payloadDigest(payloadBytes);
            }
        }
        List<RecordHeader> headers = null;
        JsonNode headerList = line.get("headers");
        if (headerList != null && !headerList.isNull()) {
            headers = new ArrayList<>();
            for (JsonNode header : headerList) {
                headers.add(new RecordHeader(text(header, "name"), bytes(header, "value")));
            }
        }
        String eventId = optionalText(line, "eventId");
        AuditEntry entry = new AuditEntry(
                (int) number(line, "encodingVersion"),
                number(line, "sequence"),
                eventId == null ? null : UUID.fromString(eventId),
                optionalText(line, "type"),
                optionalText(line, "source"),
                optionalText(line, "subject"),
                optionalNumber(line, "subjectSequence"),
                time(optionalText(line, "time")),
                optionalText(line, "dataContentType"),
                optionalText(line, "dataSchema"),
                text(line, "topic"),
                (int) number(line, "partition"),
                number(line, "offset"),
                time(text(line, "recordedAt")),
                payloadBytes,
                bytes(line, "key"),
                headers,
                optionalText(line, "unreadableReason"),
                payloadKey);
        String chainHash = optionalText(line, "chainHash");
        return new ExportedEntry(
                entry,
                digest,
                hex(line, "leafHash"),
                chainHash == null ? null : HexFormat.of().parseHex(chainHash),
                optionalText(line, "payloadState"),
                bytes(line, "storedPayload"));
    }

    /** The entry's leaf hash, recomputed from its fields. */
    byte[] leaf() {
        return TreeHash.leaf(CanonicalEncoding.encode(entry, payloadDigest));
    }

    long sequence() {
        return entry.sequence();
    }

    private static @Nullable Instant time(@Nullable String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String text(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static @Nullable String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new IllegalArgumentException(field + " is not text");
        }
        return value.asString();
    }

    private static long number(JsonNode node, String field) {
        Long value = optionalNumber(node, field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static @Nullable Long optionalNumber(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " is not a whole number");
        }
        return value.asLong();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new IllegalArgumentException(field + " is not true or false");
        }
        return value.asBoolean();
    }

    private static byte @Nullable [] bytes(JsonNode node, String field) {
        String value = optionalText(node, field);
        return value == null ? null : Base64.getDecoder().decode(value);
    }

    private static byte[] hex(JsonNode node, String field) {
        return HexFormat.of().parseHex(text(node, field));
    }
}
