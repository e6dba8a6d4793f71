package kz.qorgau.order.approachban;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.order.atrest.PersonalDataVault;
import kz.qorgau.order.atrest.PersonalDataVault.Column;
import kz.qorgau.order.atrest.SealedColumnRows;
import kz.qorgau.order.lifecycle.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bans' rows. The offender's IIN is sealed under the at-rest key ring, bound to the row and column,
 * and found by its blind index; the key rotation walks these rows too ({@link SealedRows}).
 */
@Repository
class ApproachBanStore extends SealedColumnRows {

    /** The sealed document: the IIN only. */
    record Offender(String iin) {

        @Override
        public String toString() {
            return "Offender[redacted]";
        }
    }

    ApproachBanStore(JdbcClient jdbc, PersonalDataVault vault) {
        super(jdbc, vault, Column.BAN_OFFENDER);
    }

    void insert(ApproachBan ban) {
        jdbc.sql(
                        """
                        INSERT INTO approach_ban (id, order_id, criminal_case, district, court, case_number,
                            decision_date, distance_meters, effective_from, valid_until, status, offender_sealed,
                            offender_iin_index, imposed_by, recorded_at)
                        VALUES (:id, :orderId, :criminalCase, :district, :court, :caseNumber, :decisionDate,
                            :distance, :effectiveFrom, :validUntil, :status, CAST(:offender AS jsonb),
                            :offenderIndex, :imposedBy, :recordedAt)
                        """)
                .param("id", ban.id())
                .param("orderId", ban.orderId())
                .param("criminalCase", ban.criminalCase())
                .param("district", ban.district())
                .param("court", ban.court())
                .param("caseNumber", ban.caseNumber())
                .param("decisionDate", ban.decisionDate())
                .param("distance", ban.distanceMeters())
                .param("effectiveFrom", Times.utc(ban.effectiveFrom()))
                .param("validUntil", Times.utc(ban.validUntil()))
                .param("status", ban.status())
                .param("offender", sealed(ban.id(), new Offender(ban.offenderIin())))
                .param("offenderIndex", vault.blindIndex(ban.offenderIin()))
                .param("imposedBy", ban.imposedBy())
                .param("recordedAt", Times.utc(ban.recordedAt()))
                .update();
    }

    Optional<ApproachBan> findById(UUID id) {
        return jdbc.sql("SELECT * FROM approach_ban WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** The row, locked until the caller's transaction ends. */
    Optional<ApproachBan> lock(UUID id) {
        return jdbc.sql("SELECT * FROM approach_ban WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** The bans in force against the person with this IIN, by the blind index. */
    List<ApproachBan> inForceAgainst(String iin) {
        return jdbc.sql(
                        """
                        SELECT * FROM approach_ban
                        WHERE offender_iin_index = :index AND status = 'IN_FORCE' ORDER BY effective_from
                        """)
                .param("index", vault.blindIndex(iin))
                .query(this::map)
                .list();
    }

    private ApproachBan map(ResultSet row, int rowNumber) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        return new ApproachBan(
                id,
                row.getObject("order_id", UUID.class),
                row.getString("criminal_case"),
                row.getString("district"),
                row.getString("court"),
                row.getString("case_number"),
                row.getObject("decision_date", LocalDate.class),
                row.getInt("distance_meters"),
                Times.instant(row, "effective_from"),
                Times.instant(row, "valid_until"),
                row.getString("status"),
                opened(id, row.getString("offender_sealed"), Offender.class).iin(),
                row.getString("imposed_by"),
                Times.instant(row, "recorded_at"),
                Times.instant(row, "ended_at"),
                row.getString("end_reason"),
                row.getInt("version"));
    }
}
