package kz.qorgau.auditverifier;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import kz.qorgau.auditlog.RecordHeader;
import kz.qorgau.auditlog.TreeHash;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entries as export lines, the way audit-service's AuditEntryView writes them, with their hashes computed
 * as the writer would: the export of a log whose database owner could rewrite anything. audit-service's
 * VerifiableLogTest checks the real export against the verifier.
 */
final class ExportLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExportLines() {}

    /** The export of {@code entries}, renumbered from 1, with leaf and chain hashes recomputed. */
    static List<String> of(List<AuditEntry> entries) {
        List<String> lines = new ArrayList<>();
        byte[] chain = new byte[32];
        long sequence = 0;
        for (AuditEntry original : entries) {
            AuditEntry entry = renumbered(original, ++sequence);
            byte[] leaf = TreeHash.leaf(CanonicalEncoding.encode(entry));
            chain = TreeHash.digest(chain, leaf);
            lines.add(line(entry, leaf, chain));
        }
        return lines;
    }

    static AuditEntry renumbered(AuditEntry e, long sequence) {
        return copy(e, sequence, e.payload(), e.key());
    }

    /** {@code e} with another sequence number, payload and key. */
    static AuditEntry copy(AuditEntry e, long sequence, byte[] payload, byte[] key) {
        return new AuditEntry(
                e.version(),
                sequence,
                e.eventId(),
                e.type(),
                e.source(),
                e.subject(),
                e.subjectSequence(),
                e.time(),
                e.dataContentType(),
                e.dataSchema(),
                e.topic(),
                e.partition(),
                e.offset(),
                e.recordedAt(),
                payload,
                key,
                e.headers(),
                e.unreadable());
    }

    static String line(AuditEntry entry, byte[] leaf, byte[] chain) {
        Map<String, Object> view = new LinkedHashMap<>();
        byte[] payload = entry.payload();
        view.put("sequence", entry.sequence());
        view.put("encodingVersion", entry.version());
        view.put("unreadable", entry.isUnreadable());
        view.put("unreadableReason", entry.unreadable());
        view.put("eventId", entry.eventId() == null ? null : entry.eventId().toString());
        view.put("type", entry.type());
        view.put("source", entry.source());
        view.put("subject", entry.subject());
        view.put("subjectSequence", entry.subjectSequence());
        view.put("time", entry.time() == null ? null : CanonicalEncoding.formatTime(entry.time()));
        view.put("dataContentType", entry.dataContentType());
        view.put("dataSchema", entry.dataSchema());
        view.put("topic", entry.topic());
        view.put("partition", entry.partition());
        view.put("offset", entry.offset());
        view.put("recordedAt", CanonicalEncoding.formatTime(entry.recordedAt()));
        view.put("hasPayload", payload != null);
        view.put("payload", payload == null ? "" : Base64.getEncoder().encodeToString(payload));
        view.put(
                "payloadSha256",
                payload == null ? null : HexFormat.of().formatHex(CanonicalEncoding.payloadDigest(payload)));
        view.put("key", entry.key() == null ? null : Base64.getEncoder().encodeToString(entry.key()));
        List<Map<String, Object>> headers = null;
        if (entry.headers() != null) {
            headers = new ArrayList<>();
            for (RecordHeader header : entry.headers()) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("name", header.name());
                h.put(
                        "value",
                        header.value() == null ? null : Base64.getEncoder().encodeToString(header.value()));
                headers.add(h);
            }
        }
        view.put("headers", headers);
        view.put("leafHash", HexFormat.of().formatHex(leaf));
        view.put("chainHash", HexFormat.of().formatHex(chain));
        return JSON.writeValueAsString(view);
    }
}
