package kz.qorgau.order.approachban;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.Measure;
import kz.qorgau.order.atrest.PersonKeys;
import kz.qorgau.order.atrest.PersonalDataVault;
import kz.qorgau.order.atrest.PersonalDataVault.Column;
import kz.qorgau.order.atrest.SealedColumnRows;
import kz.qorgau.order.lifecycle.Times;
import kz.qorgau.order.protectiveorder.OffenderIdentity;
import kz.qorgau.order.protectiveorder.OffenderIndex;
import kz.qorgau.order.protectiveorder.OffenderRecords;
import kz.qorgau.order.protectiveorder.PersonDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bans' rows. The offender's IIN is sealed under the at-rest key ring, bound to the row and column,
 * and found by its blind index; the key rotation walks these rows too ({@link SealedRows}).
 */
@Repository
class ApproachBanStore extends SealedColumnRows implements OffenderRecords {

    /** The sealed document: the IIN, or without one the document or the description. */
    record Offender(String iin, PersonDocument document, String unidentified) {

        Offender(OffenderIdentity identity) {
            this(identity.iin(), identity.document(), identity.description());
        }

        Offender withIin(String linked) {
            return new Offender(linked, document, unidentified);
        }

        @Override
        public String toString() {
            return "Offender[redacted]";
        }
    }

    private final PersonKeys keys;

    ApproachBanStore(JdbcClient jdbc, PersonalDataVault vault) {
        super(jdbc, vault, Column.BAN_OFFENDER);
        this.keys = new PersonKeys(jdbc, vault, Column.BAN_OFFENDER);
    }

    void insert(ApproachBan ban) {
        jdbc.sql(
                        """
                        INSERT INTO approach_ban (id, order_id, criminal_case, district, court, case_number,
                            decision_date, distance_meters, effective_from, valid_until, status, offender_sealed,
                            offender_iin_index, imposed_by, recorded_at, offender_document_index)
                        VALUES (:id, :orderId, :criminalCase, :district, :court, :caseNumber, :decisionDate,
                            :distance, :effectiveFrom, :validUntil, :status, CAST(:offender AS jsonb),
                            :offenderIndex, :imposedBy, :recordedAt, :documentIndex)
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
                .param("offender", sealed(ban.id(), new Offender(ban.offender())))
                .param("offenderIndex", ban.offender().personIndex(vault))
                .param("documentIndex", ban.offender().documentIndex(vault))
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

    /** The bans in force against the person {@code offender} finds, by a blind index. */
    List<ApproachBan> inForceAgainst(OffenderIndex offender) {
        return jdbc.sql("SELECT * FROM approach_ban WHERE " + offender.column()
                        + " = :index AND status = 'IN_FORCE' ORDER BY effective_from")
                .param("index", offender.value())
                .query(this::map)
                .list();
    }

    @Override
    public Measure measure() {
        return Measure.APPROACH_BAN;
    }

    @Override
    public Optional<OffenderRecord> lockOffender(UUID id) {
        return lock(id).map(found -> offenderRecord(found, keys.of(id)));
    }

    @Override
    public List<OffenderRecord> linkToIin(byte[] personIndex, String iin) {
        List<ApproachBan> rows = keys.lockedRows(personIndex, this::map);
        rows.forEach(row -> keys.link(row.id(), new Offender(row.offender()).withIin(iin), iin));
        return rows.stream().map(row -> offenderRecord(row, personIndex)).toList();
    }

    @Override
    public List<PersonMeasure> againstPerson(OffenderIndex index) {
        return jdbc.sql("SELECT id, order_id, district, status, effective_from, valid_until, ended_at FROM approach_ban"
                        + " WHERE " + index.column() + " = :index")
                .param("index", index.value())
                .query((row, n) -> {
                    Instant ended = Times.instant(row, "ended_at");
                    return new PersonMeasure(
                            Measure.APPROACH_BAN,
                            row.getObject("id", UUID.class),
                            row.getObject("order_id", UUID.class),
                            null,
                            row.getString("district"),
                            row.getString("status"),
                            Times.instant(row, "effective_from"),
                            ended != null ? ended : Times.instant(row, "valid_until"));
                })
                .list();
    }

    private static OffenderRecord offenderRecord(ApproachBan row, byte[] personIndex) {
        return new OffenderRecord(
                Measure.APPROACH_BAN,
                row.id(),
                row.orderId(),
                row.district(),
                row.version(),
                personIndex,
                row.offender());
    }

    private ApproachBan map(ResultSet row, int rowNumber) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        Offender offender = opened(id, row.getString("offender_sealed"), Offender.class);
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
                offender.iin(),
                offender.document(),
                offender.unidentified(),
                row.getString("imposed_by"),
                Times.instant(row, "recorded_at"),
                Times.instant(row, "ended_at"),
                row.getString("end_reason"),
                row.getInt("version"));
    }
}
