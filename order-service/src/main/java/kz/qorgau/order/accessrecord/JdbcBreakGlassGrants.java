package kz.qorgau.order.accessrecord;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The grants in the {@code break_glass_grant} table. */
@Repository
class JdbcBreakGlassGrants implements BreakGlassGrants {

    private final JdbcClient jdbc;

    JdbcBreakGlassGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(BreakGlassGrant grant) {
        jdbc.sql(
                        """
                        INSERT INTO break_glass_grant (id, subject, subject_district, district, reason, granted_at,
                            expires_at)
                        VALUES (:id, :subject, :subjectDistrict, :district, :reason, :grantedAt, :expiresAt)
                        """)
                .param("id", grant.id())
                .param("subject", grant.subject())
                .param("subjectDistrict", grant.subjectDistrict())
                .param("district", grant.district())
                .param("reason", grant.reason())
                .param("grantedAt", grant.grantedAt().atOffset(ZoneOffset.UTC))
                .param("expiresAt", grant.expiresAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    @Override
    public Optional<BreakGlassGrant> findActive(String subject, String district, Instant now) {
        return jdbc.sql(
                        """
                        SELECT * FROM break_glass_grant
                        WHERE subject = :subject AND district = :district AND expires_at > :now
                            AND review_outcome IS DISTINCT FROM 'NOT_JUSTIFIED'
                        ORDER BY expires_at DESC LIMIT 1
                        """)
                .param("subject", subject)
                .param("district", district)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(JdbcBreakGlassGrants::grant)
                .optional();
    }

    @Override
    public Optional<BreakGlassGrant> findById(UUID id) {
        return jdbc.sql("SELECT * FROM break_glass_grant WHERE id = :id")
                .param("id", id)
                .query(JdbcBreakGlassGrants::grant)
                .optional();
    }

    @Override
    public List<BreakGlassGrant> pendingReviewIn(String district, int limit) {
        return jdbc.sql(
                        """
                        SELECT * FROM break_glass_grant
                        WHERE review_outcome IS NULL AND (district = :district OR subject_district = :district)
                        ORDER BY granted_at, id LIMIT :limit
                        """)
                .param("district", district)
                .param("limit", limit)
                .query(JdbcBreakGlassGrants::grant)
                .list();
    }

    @Override
    public boolean review(UUID id, BreakGlassGrant.ReviewOutcome outcome, String reviewer, Instant at) {
        return jdbc.sql(
                                """
                                UPDATE break_glass_grant
                                SET review_outcome = :outcome, reviewed_by = :reviewer, reviewed_at = :at
                                WHERE id = :id AND review_outcome IS NULL
                                """)
                        .param("id", id)
                        .param("outcome", outcome.name())
                        .param("reviewer", reviewer)
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }

    private static BreakGlassGrant grant(ResultSet row, int number) throws SQLException {
        String outcome = row.getString("review_outcome");
        return new BreakGlassGrant(
                row.getObject("id", UUID.class),
                row.getString("subject"),
                row.getString("subject_district"),
                row.getString("district"),
                row.getString("reason"),
                row.getTimestamp("granted_at").toInstant(),
                row.getTimestamp("expires_at").toInstant(),
                outcome == null ? null : BreakGlassGrant.ReviewOutcome.valueOf(outcome),
                row.getString("reviewed_by"),
                instant(row.getTimestamp("reviewed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
