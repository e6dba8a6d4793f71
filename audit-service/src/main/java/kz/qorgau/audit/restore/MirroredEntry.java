package kz.qorgau.audit.restore;

import java.time.Instant;
import java.util.UUID;
import kz.qorgau.audit.entry.ChainHash;
import kz.qorgau.audit.entry.LeafHash;
import kz.qorgau.audit.entry.StoredEntry;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import org.jspecify.annotations.Nullable;

/**
 * One record of the log topic: an entry exactly as the database stores it (the payload as stored, encrypted
 * for version 3), its hashes, and the wrapped key its payload is sealed under while that key lives
 * (docs/adr/0032). Times in the canonical text form, bytes in base64.
 */
record MirroredEntry(
        long sequence,
        int encodingVersion,
        @Nullable String eventId,
        @Nullable String type,
        @Nullable String source,
        @Nullable String subject,
        @Nullable Long subjectSequence,
        @Nullable String time,
        @Nullable String dataContentType,
        @Nullable String dataSchema,
        String topic,
        int partition,
        long offset,
        String recordedAt,
        byte @Nullable [] payload,
        byte @Nullable [] key,
        byte @Nullable [] headers,
        @Nullable String unreadable,
        @Nullable String payloadKey,
        byte[] leafHash,
        byte[] chainHash,
        @Nullable MirroredKey subjectKey) {

    /** A subject key as {@code audit_subject_key} holds it, wrapped by the key-encryption key. */
    record MirroredKey(String name, @Nullable String subject, byte[] wrappedKey, String kekId, String createdAt) {}

    static MirroredEntry of(StoredEntry stored, @Nullable MirroredKey key) {
        AuditEntry entry = stored.entry();
        return new MirroredEntry(
                entry.sequence(),
                entry.version(),
                entry.eventId() == null ? null : entry.eventId().toString(),
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
                entry.payload(),
                entry.key(),
                entry.headers() == null ? null : CanonicalEncoding.headers(entry.headers()),
                entry.unreadable(),
                entry.payloadKey(),
                stored.leafHash().bytes(),
                stored.chainHash().bytes(),
                key);
    }

    /**
     * The entry as it was stored.
     *
     * @throws IllegalArgumentException when the record holds what no entry can
     */
    StoredEntry stored() {
        AuditEntry entry = new AuditEntry(
                encodingVersion,
                sequence,
                eventId == null ? null : UUID.fromString(eventId),
                type,
                source,
                subject,
                subjectSequence,
                time == null ? null : Instant.parse(time),
                dataContentType,
                dataSchema,
                topic,
                partition,
                offset,
                Instant.parse(recordedAt),
                payload,
                key,
                headers == null ? null : CanonicalEncoding.readHeaders(headers),
                unreadable,
                payloadKey);
        return new StoredEntry(entry, new LeafHash(leafHash), new ChainHash(chainHash));
    }
}
