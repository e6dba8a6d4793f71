package kz.qorgau.kit.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The relay's queries on {@code kit_outbox}; each runs in its own (auto-commit) statement. */
final class JdbcOutboxStore implements OutboxStore {

    static final int MAX_ERROR_LENGTH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    JdbcOutboxStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Commit order within a subject is sequence order (sequence numbers are taken under a lock of the
     * subject), so the lowest unpublished sequence is always the next one to go, and a row that is not
     * visible yet can only have a higher sequence than every visible one.
     */
    @Override
    public List<OutboxRow> publishableHeads(int limit) {
        return jdbc.sql(
                        """
                        SELECT position, event_id, event_type, event_source, event_time, subject, sequence,
                            traceparent, tracestate, data, attempts
                        FROM (
                            SELECT DISTINCT ON (subject) *
                            FROM kit_outbox
                            WHERE published_at IS NULL
                            ORDER BY subject, sequence
                        ) head
                        WHERE next_attempt_at IS NULL OR next_attempt_at <= now()
                        ORDER BY position
                        LIMIT :limit
                        """)
                .param("limit", limit)
                .query(JdbcOutboxStore::row)
                .list();
    }

    @Override
    public void markPublished(List<Published> published) {
        jdbcTemplate.batchUpdate(
                """
                UPDATE kit_outbox SET published_at = now(), kafka_partition = ?, kafka_offset = ?,
                    attempts = attempts + 1, last_error = NULL, next_attempt_at = NULL
                WHERE event_id = ? AND published_at IS NULL
                """,
                published,
                published.size(),
                (statement, row) -> {
                    statement.setInt(1, row.partition());
                    statement.setLong(2, row.offset());
                    statement.setObject(3, row.eventId());
                });
    }

    @Override
    public void markFailed(UUID eventId, String error, Duration backoff) {
        jdbc.sql(
                        """
                        UPDATE kit_outbox SET attempts = attempts + 1, last_error = :error,
                            next_attempt_at = now() + make_interval(secs => :seconds)
                        WHERE event_id = :eventId AND published_at IS NULL
                        """)
                .param("error", truncate(error))
                .param("seconds", backoff.toMillis() / 1000.0)
                .param("eventId", eventId)
                .update();
    }

    @Override
    public Backlog backlog() {
        return jdbc.sql(
                        """
                        SELECT count(*) AS size,
                            COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) AS oldest_seconds
                        FROM kit_outbox WHERE published_at IS NULL
                        """)
                .query((row, rowNumber) -> new Backlog(row.getLong("size"), row.getDouble("oldest_seconds")))
                .single();
    }

    @Override
    public int deletePublishedBefore(Duration retention) {
        return jdbc.sql("DELETE FROM kit_outbox WHERE published_at < now() - make_interval(secs => :seconds)")
                .param("seconds", (double) retention.toSeconds())
                .update();
    }

    private static OutboxRow row(ResultSet row, int rowNumber) throws SQLException {
        return new OutboxRow(
                row.getLong("position"),
                row.getObject("event_id", UUID.class),
                row.getString("event_type"),
                URI.create(row.getString("event_source")),
                row.getObject("event_time", OffsetDateTime.class),
                row.getString("subject"),
                row.getInt("sequence"),
                row.getString("traceparent"),
                row.getString("tracestate"),
                row.getString("data").getBytes(StandardCharsets.UTF_8),
                row.getInt("attempts"));
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
