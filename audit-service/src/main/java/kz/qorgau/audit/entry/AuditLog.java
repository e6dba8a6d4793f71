package kz.qorgau.audit.entry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code audit_entry} table: the writer's statements, and how the readers (verification, the
 * entries API) map its rows. Each method runs on the client it is given, so the writer's run in
 * the writer session's transaction.
 */
public final class AuditLog {

    /** Every column of an entry, in the order {@link #ROWS} reads them. */
    public static final String COLUMNS =
            """
            sequence, event_id, type, source, subject, subject_sequence, event_time, data_content_type,
            data_schema, topic, kafka_partition, kafka_offset, recorded_at, payload, leaf_hash, chain_hash,
            encoding_version, kafka_key, kafka_headers, unreadable_reason, payload_key""";

    /** Maps a row selected with {@link #COLUMNS}. */
    public static final RowMapper<StoredEntry> ROWS = AuditLog::mapRow;

    private AuditLog() {}

    /** The size of the trail and its last link (the genesis link when empty). */
    public record Head(long size, ChainHash chainHash) {}

    /** The current head. */
    public static Head head(JdbcClient jdbc) {
        return jdbc.sql("SELECT sequence, chain_hash FROM audit_entry ORDER BY sequence DESC LIMIT 1")
                .query((row, number) -> new Head(row.getLong(1), new ChainHash(row.getBytes(2))))
                .optional()
                .orElse(new Head(0, HashChain.GENESIS));
    }

    /** The sequence numbers of those of {@code eventIds} whose entries are in the trail, by event id. */
    static Map<UUID, Long> sequencesOf(JdbcClient jdbc, Collection<UUID> eventIds) {
        Map<UUID, Long> found = new HashMap<>();
        if (!eventIds.isEmpty()) {
            jdbc.sql("SELECT event_id, sequence FROM audit_entry WHERE event_id = ANY(?)")
                    .param(eventIds.toArray(UUID[]::new))
                    .query((row, number) -> found.put(row.getObject(1, UUID.class), row.getLong(2)))
                    .list();
        }
        return found;
    }

    /**
     * The sequence number of the entry of this unreadable record, if it is in the trail: the same
     * topic, partition and offset, and the same key, headers and value. A version 3 entry's value is sealed
     * under a random nonce, so there only whether it had one is compared (docs/adr/0031).
     */
    static Optional<Long> sequenceOf(JdbcClient jdbc, UnreadableRecord record) {
        return jdbc.sql(
                        """
                        SELECT sequence FROM audit_entry
                         WHERE unreadable_reason IS NOT NULL AND topic = ? AND kafka_partition = ? AND kafka_offset = ?
                           AND kafka_key IS NOT DISTINCT FROM ? AND kafka_headers = ?
                           AND (encoding_version = 3 AND (payload IS NULL) = ?
                                OR encoding_version < 3 AND payload IS NOT DISTINCT FROM ?)
                         ORDER BY sequence LIMIT 1""")
                .params(
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.key(),
                        CanonicalEncoding.headers(record.headers()),
                        record.value() == null,
                        record.value())
                .query(Long.class)
                .optional();
    }

    /** The offset after the trail's last record of a topic's partition; 0 when it has none. */
    public static long nextOffset(JdbcClient jdbc, String topic, int partition) {
        return jdbc.sql(
                        "SELECT coalesce(max(kafka_offset) + 1, 0) FROM audit_entry WHERE topic = ? AND kafka_partition = ?")
                .params(topic, partition)
                .query(Long.class)
                .single();
    }

    /**
     * Inserts an entry as given. The appender's way in; a restore's too, for entries copied out exactly as they
     * were stored (docs/adr/0032): the table's trigger still holds each to the one before.
     */
    public static void insert(JdbcClient jdbc, StoredEntry stored) {
        insertAll(jdbc, List.of(stored));
    }

    /**
     * Inserts entries as given, in their order, in one statement: one round trip for a poll's entries instead of
     * one each (docs/adr/0041). Rows are inserted in the list's order, so the table's trigger still holds each to
     * the one before, the earlier rows of the same statement included.
     */
    public static void insertAll(JdbcClient jdbc, List<StoredEntry> stored) {
        if (stored.isEmpty()) {
            return;
        }
        int size = stored.size();
        Long[] sequences = new Long[size];
        String[] eventIds = new String[size];
        String[] types = new String[size];
        String[] sources = new String[size];
        String[] subjects = new String[size];
        Long[] subjectSequences = new Long[size];
        String[] times = new String[size];
        String[] contentTypes = new String[size];
        String[] schemas = new String[size];
        String[] topics = new String[size];
        Integer[] partitions = new Integer[size];
        Long[] offsets = new Long[size];
        String[] recordedAt = new String[size];
        byte[][] payloads = new byte[size][];
        byte[][] leaves = new byte[size][];
        byte[][] chains = new byte[size][];
        Integer[] versions = new Integer[size];
        byte[][] keys = new byte[size][];
        byte[][] headers = new byte[size][];
        String[] unreadable = new String[size];
        String[] payloadKeys = new String[size];
        for (int i = 0; i < size; i++) {
            AuditEntry entry = stored.get(i).entry();
            sequences[i] = entry.sequence();
            eventIds[i] = entry.eventId() == null ? null : entry.eventId().toString();
            types[i] = entry.type();
            sources[i] = entry.source();
            subjects[i] = entry.subject();
            subjectSequences[i] = entry.subjectSequence();
            // ISO-8601 in UTC, to the microsecond the entry already has (AuditEntry refuses finer times).
            times[i] = entry.time() == null ? null : entry.time().toString();
            contentTypes[i] = entry.dataContentType();
            schemas[i] = entry.dataSchema();
            topics[i] = entry.topic();
            partitions[i] = entry.partition();
            offsets[i] = entry.offset();
            recordedAt[i] = entry.recordedAt().toString();
            payloads[i] = entry.payload();
            leaves[i] = stored.get(i).leafHash().bytes();
            chains[i] = stored.get(i).chainHash().bytes();
            versions[i] = entry.version();
            keys[i] = entry.key();
            headers[i] = entry.headers() == null ? null : CanonicalEncoding.headers(entry.headers());
            unreadable[i] = entry.unreadable();
            payloadKeys[i] = entry.payloadKey();
        }
        // The arrays are named after the columns, in COLUMNS' order, so one list serves both.
        jdbc.sql("INSERT INTO audit_entry (" + COLUMNS + ") SELECT " + COLUMNS
                        + " FROM unnest(?::bigint[], ?::uuid[], ?::text[], ?::text[], ?::text[],"
                        + " ?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::bigint[],"
                        + " ?::timestamptz[], ?::bytea[], ?::bytea[], ?::bytea[], ?::smallint[], ?::bytea[], ?::bytea[],"
                        + " ?::text[], ?::text[]) WITH ORDINALITY AS e(" + COLUMNS + ", position) ORDER BY position")
                .params(
                        sequences,
                        eventIds,
                        types,
                        sources,
                        subjects,
                        subjectSequences,
                        times,
                        contentTypes,
                        schemas,
                        topics,
                        partitions,
                        offsets,
                        recordedAt,
                        payloads,
                        leaves,
                        chains,
                        versions,
                        keys,
                        headers,
                        unreadable,
                        payloadKeys)
                .update();
    }

    /**
     * The entry in the current row of {@code row}.
     *
     * @throws IllegalArgumentException when the row holds what no entry can (only a changed row can)
     */
    public static StoredEntry mapRow(ResultSet row, int number) throws SQLException {
        byte[] headers = row.getBytes("kafka_headers");
        AuditEntry entry = new AuditEntry(
                row.getInt("encoding_version"),
                row.getLong("sequence"),
                row.getObject("event_id", UUID.class),
                row.getString("type"),
                row.getString("source"),
                row.getString("subject"),
                row.getObject("subject_sequence", Long.class),
                instant(row, "event_time"),
                row.getString("data_content_type"),
                row.getString("data_schema"),
                row.getString("topic"),
                row.getInt("kafka_partition"),
                row.getLong("kafka_offset"),
                instant(row, "recorded_at"),
                row.getBytes("payload"),
                row.getBytes("kafka_key"),
                headers == null ? null : CanonicalEncoding.readHeaders(headers),
                row.getString("unreadable_reason"),
                row.getString("payload_key"));
        return new StoredEntry(
                entry, new LeafHash(row.getBytes("leaf_hash")), new ChainHash(row.getBytes("chain_hash")));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
