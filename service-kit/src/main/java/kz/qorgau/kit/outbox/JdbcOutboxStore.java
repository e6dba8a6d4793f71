package kz.qorgau.kit.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * subject), so a subject's visible unpublished rows run from its lowest unpublished sequence without a
     * gap, and a row that is not visible yet can only have a higher sequence than every visible one. Oldest
     * first is insertion order ({@code position}), which within a subject is sequence order for the same
     * reason; a run that is not (a caller that broke the rule) is cut at its first gap.
     */
    @Override
    public List<OutboxRow> publishable(int limit) {
        List<RankedRow> ranked = jdbc.sql(
                        """
                        SELECT position, event_id, event_type, event_source, event_time, subject, sequence,
                            traceparent, tracestate, data, attempts, rank
                        FROM (
                            SELECT o.*,
                                row_number() OVER subject_run AS rank,
                                first_value(next_attempt_at) OVER subject_run AS head_next_attempt_at
                            FROM kit_outbox o
                            WHERE published_at IS NULL
                            WINDOW subject_run AS (PARTITION BY subject ORDER BY sequence)
                        ) pending
                        WHERE head_next_attempt_at IS NULL OR head_next_attempt_at <= now()
                        ORDER BY position
                        LIMIT :limit
                        """)
                .param("limit", limit)
                .query((row, rowNumber) -> new RankedRow(row(row, rowNumber), row.getLong("rank")))
                .list();
        return withoutGaps(ranked);
    }

    /** Each subject's rows up to its first gap in rank (1, 2, 3, …): a later row never goes before an earlier. */
    static List<OutboxRow> withoutGaps(List<RankedRow> ranked) {
        Map<String, Long> nextRank = new HashMap<>();
        List<OutboxRow> rows = new ArrayList<>(ranked.size());
        for (RankedRow candidate : ranked) {
            String subject = candidate.row().subject();
            long expected = nextRank.getOrDefault(subject, 1L);
            if (candidate.rank() == expected) {
                rows.add(candidate.row());
                nextRank.put(subject, expected + 1);
            } else {
                nextRank.put(subject, -1L); // the run is cut for this round
            }
        }
        return rows;
    }

    record RankedRow(OutboxRow row, long rank) {}

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
