package kz.qorgau.audit.subjectkey;

import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.qorgau.audit.platform.AuditProperties;
import kz.qorgau.auditlog.AesGcm;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import kz.qorgau.auditlog.PayloadEnvelope;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The keys of crypto-shredding (docs/adr/0031): one per CloudEvents subject, one per topic, partition and day
 * for unreadable records, each wrapped by the key-encryption key and kept in {@code audit_subject_key}. The
 * writer seals a payload before it is hashed into its leaf; readers open it while its key lives.
 */
@Component
public class SubjectKeys {

    static final String SUBJECT_PREFIX = "subject:";
    static final String UNREADABLE_PREFIX = "unreadable:";

    private final KeyEncryptionKeys keks;
    private final JdbcClient readers;

    @Autowired
    SubjectKeys(AuditProperties properties, JdbcClient jdbc) {
        this(KeyEncryptionKeys.of(properties.shredding()), jdbc);
    }

    SubjectKeys(KeyEncryptionKeys keks, JdbcClient jdbc) {
        this.keks = keks;
        this.readers = jdbc;
    }

    /** The name of the key an entry's payload is sealed under: its subject's, or its partition's of that day. */
    public static String nameFor(AuditEntry entry) {
        if (entry.isUnreadable()) {
            LocalDate day = LocalDate.ofInstant(entry.recordedAt(), ZoneOffset.UTC);
            return UNREADABLE_PREFIX + entry.topic() + "/" + entry.partition() + "/" + day;
        }
        return SUBJECT_PREFIX + entry.subject();
    }

    /**
     * Seals the entries of one writer transaction {@code jdbc}, reading each live key once: within the transaction
     * no key can be created or destroyed by anyone else, since both happen only in the writer's transactions.
     */
    public Sealer sealer(JdbcClient jdbc) {
        return new Sealer(jdbc);
    }

    /** Seals the payloads of one writer transaction's entries. */
    public final class Sealer {

        private final JdbcClient jdbc;
        private final Map<String, Map.Entry<String, byte[]>> live = new HashMap<>();

        private Sealer(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        /**
         * {@code entry} (version 3, its payload in clear) with its payload sealed under its key, created in the
         * writer's transaction when it is the first; unchanged when it has no payload. A subject whose key was
         * destroyed and that has a new event (a late access, say) gets a key of a new generation: the new event is
         * kept, the shredded ones stay shredded.
         *
         * @throws IllegalStateException when the key cannot be unwrapped (a key-encryption key missing from the
         *     ring): retried, never appended in clear
         */
        public AuditEntry seal(AuditEntry entry) {
            byte[] payload = entry.payload();
            if (payload == null || entry.version() != CanonicalEncoding.VERSION_3) {
                return entry;
            }
            Map.Entry<String, byte[]> key = live.computeIfAbsent(nameFor(entry), base -> liveKey(jdbc, base, entry));
            return entry.withStoredPayload(
                    PayloadEnvelope.seal(key.getValue(), payload, key.getKey(), entry.sequence()), key.getKey());
        }
    }

    /** Opens payloads for one reader's request; each key is read once per opener. */
    public Opener opener() {
        return new Opener();
    }

    /**
     * A stored payload as a reader sees it.
     *
     * @param subjectKey the key that opened it: for an evidence bundle with payloads only (docs/adr/0031), never
     *     logged
     */
    public record Opened(PayloadState state, byte @Nullable [] payload, byte @Nullable [] subjectKey) {

        Opened(PayloadState state, byte @Nullable [] payload) {
            this(state, payload, null);
        }

        @Override
        public String toString() {
            return "Opened[" + state + "]";
        }
    }

    /** Opens the payloads of one request, reading each key once. */
    public final class Opener {

        private final Map<String, StoredKey> keys = new HashMap<>();

        private Opener() {}

        /**
         * The payload of {@code entry} as stored: in clear for versions 1 and 2 and the service's own entries,
         * decrypted while its key lives.
         */
        public Opened open(AuditEntry entry) {
            byte[] stored = entry.payload();
            String name = entry.payloadKey();
            if (stored == null || name == null) {
                return new Opened(PayloadState.READABLE, stored);
            }
            StoredKey key = keys.computeIfAbsent(name, this::read);
            if (key == null) {
                return new Opened(PayloadState.KEY_MISSING, null);
            }
            if (key.wrapped() == null) {
                return new Opened(PayloadState.SHREDDED, null);
            }
            try {
                byte[] subjectKey = keks.unwrap(key.kekId(), key.wrapped(), name);
                return new Opened(
                        PayloadState.READABLE,
                        PayloadEnvelope.open(subjectKey, stored, name, entry.sequence()),
                        subjectKey);
            } catch (GeneralSecurityException e) {
                return new Opened(PayloadState.NOT_AUTHENTIC, null);
            }
        }

        private @Nullable StoredKey read(String name) {
            return readers.sql("SELECT wrapped_key, kek_id FROM audit_subject_key WHERE name = ?")
                    .param(name)
                    .query((row, number) -> new StoredKey(row.getBytes(1), row.getString(2)))
                    .optional()
                    .orElse(null);
        }
    }

    private record StoredKey(byte @Nullable [] wrapped, String kekId) {}

    /** The live key for {@code base}: after a destroyed one, the next generation's ({@code base#2}, ...). */
    private Map.Entry<String, byte[]> liveKey(JdbcClient jdbc, String base, AuditEntry entry) {
        String name = base;
        for (int generation = 2; ; generation++) {
            Optional<StoredKey> stored = jdbc.sql("SELECT wrapped_key, kek_id FROM audit_subject_key WHERE name = ?")
                    .param(name)
                    .query((row, number) -> new StoredKey(row.getBytes(1), row.getString(2)))
                    .optional();
            if (stored.isEmpty()) {
                return Map.entry(name, create(jdbc, name, entry));
            }
            if (stored.get().wrapped() != null) {
                try {
                    return Map.entry(
                            name, keks.unwrap(stored.get().kekId(), stored.get().wrapped(), name));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("the key " + name + " cannot be unwrapped: " + e.getMessage());
                }
            }
            name = base + "#" + generation;
        }
    }

    private byte[] create(JdbcClient jdbc, String name, AuditEntry entry) {
        byte[] key = AesGcm.newKey();
        jdbc.sql(
                        "INSERT INTO audit_subject_key (name, subject, wrapped_key, kek_id, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(
                        name,
                        entry.isUnreadable() ? null : entry.subject(),
                        keks.wrap(key, name),
                        keks.activeKeyId(),
                        OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC))
                .update();
        return key;
    }
}
