package kz.qorgau.audit.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;

/** A row of {@code audit_legal_hold}: while not lifted, its subject's keys are never destroyed. */
record LegalHold(
        long id,
        String subject,
        String caseReference,
        String placedBy,
        Instant placedAt,
        @Nullable Long placedEntry,
        @Nullable String liftedBy,
        @Nullable Instant liftedAt,
        @Nullable Long liftedEntry) {

    static final String COLUMNS =
            "id, subject, case_reference, placed_by, placed_at, placed_entry, lifted_by, lifted_at, lifted_entry";

    static final RowMapper<LegalHold> ROWS = (row, number) -> new LegalHold(
            row.getLong("id"),
            row.getString("subject"),
            row.getString("case_reference"),
            row.getString("placed_by"),
            instant(row, "placed_at"),
            row.getObject("placed_entry", Long.class),
            row.getString("lifted_by"),
            instant(row, "lifted_at"),
            row.getObject("lifted_entry", Long.class));

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
