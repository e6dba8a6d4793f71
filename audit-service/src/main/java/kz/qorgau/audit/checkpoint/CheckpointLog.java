package kz.qorgau.audit.checkpoint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import kz.qorgau.auditlog.Checkpoint;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code audit_checkpoint} table. */
public final class CheckpointLog {

    private static final String COLUMNS = "id, origin, tree_size, root_hash, key_name, key_id, signed_note, signed_at";

    private CheckpointLog() {}

    public static Optional<StoredCheckpoint> latest(JdbcClient jdbc) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY id DESC LIMIT 1")
                .query(CheckpointLog::map)
                .optional();
    }

    public static Optional<StoredCheckpoint> byId(JdbcClient jdbc, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_checkpoint WHERE id = ?")
                .param(id)
                .query(CheckpointLog::map)
                .optional();
    }

    /** Checkpoints after {@code after} (an id), oldest first. */
    public static List<StoredCheckpoint> page(JdbcClient jdbc, long after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_checkpoint WHERE id > ? ORDER BY id LIMIT ?")
                .params(after, limit)
                .query(CheckpointLog::map)
                .list();
    }

    /** Checkpoints of sizes in {@code (afterSize, upToSize]}, smallest first. */
    public static List<StoredCheckpoint> bySize(JdbcClient jdbc, long afterSize, long upToSize, int limit) {
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + " FROM audit_checkpoint WHERE tree_size > ? AND tree_size <= ? ORDER BY tree_size, id LIMIT ?")
                .params(afterSize, upToSize, limit)
                .query(CheckpointLog::map)
                .list();
    }

    /** The largest size a checkpoint commits to; 0 when there is none. */
    public static long largestSize(JdbcClient jdbc) {
        return jdbc.sql("SELECT coalesce(max(tree_size), 0) FROM audit_checkpoint")
                .query(Long.class)
                .single();
    }

    static StoredCheckpoint insert(
            JdbcClient jdbc, Checkpoint checkpoint, String keyName, String keyId, String note, OffsetDateTime at) {
        long id = jdbc.sql("SELECT coalesce(max(id), 0) + 1 FROM audit_checkpoint")
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO audit_checkpoint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, checkpoint.origin(), checkpoint.size(), checkpoint.root(), keyName, keyId, note, at)
                .update();
        return new StoredCheckpoint(id, checkpoint, keyName, keyId, note, at.toInstant());
    }

    private static StoredCheckpoint map(ResultSet row, int number) throws SQLException {
        return new StoredCheckpoint(
                row.getLong("id"),
                new Checkpoint(row.getString("origin"), row.getLong("tree_size"), row.getBytes("root_hash")),
                row.getString("key_name"),
                row.getString("key_id"),
                row.getString("signed_note"),
                row.getObject("signed_at", OffsetDateTime.class)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .toInstant());
    }
}
