package kz.qorgau.auditverifier;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import kz.qorgau.auditlog.Checkpoint;
import kz.qorgau.auditlog.NoteVerifier;
import kz.qorgau.auditlog.PayloadEnvelope;
import kz.qorgau.auditlog.Proofs;
import kz.qorgau.auditlog.RecordHeader;
import kz.qorgau.auditlog.TreeHash;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an evidence bundle (GET /api/v1/audit/bundle, docs/adr/0027) alone: the checkpoint's signature, each
 * entry's leaf recomputed from its fields (from the payload's digest when the payload was left out), each
 * inclusion proof against the signed root, one subject, increasing sequences. Then the bundle must be exactly
 * what those checked values write: every other byte (a derived flag, an unknown field, another spelling of the
 * same hash, UUID or time) is refused, so that any change of the bundle fails it.
 */
public final class BundleVerification {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private BundleVerification() {}

    /** What the check found; {@code reason} is null when the bundle verifies. */
    public record Result(boolean verified, String subject, int entries, long treeSize, @Nullable String reason) {

        static Result failed(String reason) {
            return new Result(false, "", 0, 0, reason);
        }

        @Override
        public String toString() {
            return verified
                    ? "VERIFIED: bundle of " + subject + ", " + entries + " entries in the signed tree of " + treeSize
                    : "FAILED: " + reason;
        }
    }

    /**
     * @param bundle the bundle's bytes as the service wrote them
     * @param keys the verifier keys that may have signed its checkpoint
     */
    public static Result verify(byte[] bundle, List<NoteVerifier> keys) {
        try {
            return check(JSON.readTree(bundle), keys);
        } catch (RuntimeException e) {
            // Jackson's, and the entry's own checks: a bundle that cannot be read does not verify.
            return Result.failed("not a readable bundle: " + e.getMessage());
        }
    }

    private static Result check(JsonNode bundle, List<NoteVerifier> keys) {
        String subject = bundle.required("subject").asString();
        boolean payloads = bundle.required("payloadsIncluded").asBoolean();
        String note = bundle.required("checkpoint").asString();
        long treeSize = bundle.required("treeSize").asLong();
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.verified(note, keys);
        } catch (IllegalArgumentException e) {
            return Result.failed("its checkpoint does not verify: " + e.getMessage());
        }
        if (checkpoint.size() != treeSize) {
            return Result.failed("treeSize " + treeSize + " is not its checkpoint's size " + checkpoint.size());
        }
        List<Map<String, Object>> expectedEntries = new ArrayList<>();
        Map<String, String> subjectKeys = new TreeMap<>();
        Map<String, String> usedKeys = new TreeMap<>();
        JsonNode payloadKeys = bundle.get("payloadKeys");
        if (payloadKeys != null && payloadKeys.isObject()) {
            payloadKeys
                    .properties()
                    .forEach(key -> subjectKeys.put(key.getKey(), key.getValue().asString()));
        }
        long previous = 0;
        for (JsonNode bundled : bundle.required("entries")) {
            ExportedEntry exported = ExportedEntry.read(bundled.required("entry"));
            AuditEntry entry = exported.entry();
            long sequence = entry.sequence();
            if (sequence <= previous || sequence > treeSize) {
                return failedAt(sequence, "entries must be in increasing sequence, within the checkpoint's tree");
            }
            previous = sequence;
            if (!subject.equals(entry.subject())) {
                return failedAt(sequence, "its subject is not the bundle's " + subject);
            }
            byte[] leaf = exported.leaf();
            if (!TreeHash.same(leaf, exported.statedLeafHash())) {
                return failedAt(sequence, "its fields do not hash to its leaf hash");
            }
            List<byte[]> proof = new ArrayList<>();
            for (JsonNode hash : bundled.required("inclusionProof")) {
                proof.add(Base64.getDecoder().decode(hash.asString()));
            }
            if (!Proofs.verifyInclusion(sequence - 1, treeSize, leaf, proof, checkpoint.root())) {
                return failedAt(sequence, "its inclusion proof does not lead to the signed root");
            }
            if (payloads && entry.payloadKey() != null && "READABLE".equals(exported.payloadState())) {
                String key = subjectKeys.get(entry.payloadKey());
                if (key == null || !opensTo(exported, Base64.getDecoder().decode(key))) {
                    return failedAt(sequence, "its payload is not what the trail holds encrypted under its key");
                }
                usedKeys.put(entry.payloadKey(), key);
            }
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("entry", view(exported, leaf, payloads));
            expected.put(
                    "inclusionProof",
                    proof.stream().map(BundleVerification::base64).toList());
            expectedEntries.add(expected);
        }
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("subject", subject);
        expected.put("payloadsIncluded", payloads);
        expected.put("checkpoint", note);
        expected.put("treeSize", treeSize);
        expected.put("entries", expectedEntries);
        if (!usedKeys.isEmpty()) {
            expected.put("payloadKeys", usedKeys);
        }
        if (!JSON.readTree(JSON.writeValueAsBytes(expected)).equals(bundle)) {
            return Result.failed("it holds something no proof or signature covers (a field added, left out or"
                    + " written otherwise than the service writes it)");
        }
        return new Result(true, subject, expectedEntries.size(), treeSize, null);
    }

    /**
     * Whether the stored bytes are those the leaf covers and open, under their key, to the payload shown
     * (docs/adr/0031): a bundle with payloads proves its decrypted payloads too.
     */
    private static boolean opensTo(ExportedEntry exported, byte[] key) {
        byte[] stored = exported.storedPayload();
        if (stored == null
                || exported.payloadDigest() == null
                || !TreeHash.same(CanonicalEncoding.payloadDigest(stored), exported.payloadDigest())) {
            return false;
        }
        try {
            byte[] opened = PayloadEnvelope.open(
                    key, stored, exported.entry().payloadKey(), exported.entry().sequence());
            return java.security.MessageDigest.isEqual(opened, exported.entry().payload());
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    /** What the service can say of an encrypted payload (docs/adr/0031); anything else is not its bundle. */
    private static final List<String> PAYLOAD_STATES = List.of("READABLE", "SHREDDED", "KEY_MISSING", "NOT_AUTHENTIC");

    private static String knownState(@Nullable String state) {
        if (state == null || !PAYLOAD_STATES.contains(state)) {
            // Leaves the bundle unequal to what the service would write: refused as a changed bundle.
            return "not a payload state";
        }
        return state;
    }

    /** The entry as the service writes it into a bundle, from the checked values alone. */
    private static Map<String, @Nullable Object> view(ExportedEntry exported, byte[] leaf, boolean payloads) {
        AuditEntry entry = exported.entry();
        byte[] payloadDigest = exported.payloadDigest();
        Map<String, @Nullable Object> view = new LinkedHashMap<>();
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
        byte[] payload = entry.payload();
        view.put("hasPayload", payload != null);
        boolean encrypted = entry.payloadKey() != null;
        // Version 3 (docs/adr/0031): a decrypted payload only while its key lives; no proof covers the plaintext.
        boolean readable = encrypted && "READABLE".equals(exported.payloadState());
        if (payloads && (!encrypted || readable)) {
            view.put("payload", payload == null ? "" : base64(payload));
        }
        view.put("payloadSha256", payloadDigest == null ? null : HexFormat.of().formatHex(payloadDigest));
        if (encrypted) {
            view.put("payloadKey", entry.payloadKey());
            view.put("payloadState", knownState(exported.payloadState()));
            if (payloads && readable && exported.storedPayload() != null) {
                view.put("storedPayload", base64(exported.storedPayload()));
            }
        }
        view.put("key", entry.key() == null ? null : base64(entry.key()));
        List<RecordHeader> headers = entry.headers();
        view.put(
                "headers",
                headers == null
                        ? null
                        : headers.stream()
                                .map(header -> {
                                    Map<String, @Nullable Object> written = new LinkedHashMap<>();
                                    written.put("name", header.name());
                                    written.put("value", header.value() == null ? null : base64(header.value()));
                                    return written;
                                })
                                .toList());
        view.put("leafHash", HexFormat.of().formatHex(leaf));
        return view;
    }

    private static Result failedAt(long sequence, String reason) {
        return Result.failed("entry " + sequence + ": " + reason);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
