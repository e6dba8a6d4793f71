package kz.qorgau.order.requirements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.Ban;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.Measure;
import kz.qorgau.order.atrest.PersonKeys;
import kz.qorgau.order.atrest.PersonalDataVault;
import kz.qorgau.order.atrest.PersonalDataVault.Column;
import kz.qorgau.order.atrest.SealedColumnRows;
import kz.qorgau.order.lifecycle.Times;
import kz.qorgau.order.protectiveorder.OffenderIndex;
import kz.qorgau.order.protectiveorder.OffenderRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The special requirements' rows. The offender (IIN and named places) is sealed under the at-rest key
 * ring, bound to the row and column, and found by the IIN's blind index; the key rotation walks these
 * rows too ({@link SealedRows}).
 */
@Repository
class SpecialRequirementsStore extends SealedColumnRows implements OffenderRecords {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<List<Ban>> BANS = new TypeReference<>() {};

    private final PersonKeys keys;

    SpecialRequirementsStore(JdbcClient jdbc, PersonalDataVault vault) {
        super(jdbc, vault, Column.REQUIREMENTS_OFFENDER);
        this.keys = new PersonKeys(jdbc, vault, Column.REQUIREMENTS_OFFENDER);
    }

    void insert(SpecialRequirements requirements) {
        jdbc.sql(
                        """
                        INSERT INTO special_requirements (id, order_id, administrative_case, district, court,
                            case_number, decision_date, effective_from, valid_until, term_months, status, bans, offender_sealed,
                            offender_iin_index, legal_basis_law, legal_basis_article, legal_basis_version,
                            imposed_by, recorded_at, offender_document_index)
                        VALUES (:id, :orderId, :administrativeCase, :district, :court, :caseNumber, :decisionDate,
                            :effectiveFrom, :validUntil, :termMonths, :status, CAST(:bans AS jsonb), CAST(:offender AS jsonb),
                            :offenderIndex, :law, :article, :lawVersion, :imposedBy, :recordedAt, :documentIndex)
                        """)
                .param("id", requirements.id())
                .param("orderId", requirements.orderId())
                .param("administrativeCase", requirements.administrativeCase())
                .param("district", requirements.district())
                .param("court", requirements.court())
                .param("caseNumber", requirements.caseNumber())
                .param("decisionDate", requirements.decisionDate())
                .param("effectiveFrom", Times.utc(requirements.effectiveFrom()))
                .param("validUntil", Times.utc(requirements.validUntil()))
                .param("termMonths", requirements.termMonths())
                .param("status", requirements.status().name())
                .param("bans", JSON.writeValueAsString(requirements.bans()))
                .param("offender", sealed(requirements.id(), requirements.offender()))
                .param("offenderIndex", requirements.offender().identity().personIndex(vault))
                .param("documentIndex", requirements.offender().identity().documentIndex(vault))
                .param("law", requirements.legalBasis().law())
                .param("article", requirements.legalBasis().article())
                .param("lawVersion", requirements.legalBasis().version())
                .param("imposedBy", requirements.imposedBy())
                .param("recordedAt", Times.utc(requirements.recordedAt()))
                .update();
    }

    Optional<SpecialRequirements> findById(UUID id) {
        return jdbc.sql("SELECT * FROM special_requirements WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** The rows in force (extended or not) against the person {@code offender} finds, by a blind index. */
    List<SpecialRequirements> inForceAgainst(OffenderIndex offender) {
        return jdbc.sql("SELECT * FROM special_requirements WHERE " + offender.column()
                        + " = :index AND status IN ('IN_FORCE', 'EXTENDED') ORDER BY effective_from")
                .param("index", offender.value())
                .query(this::map)
                .list();
    }

    /** The row, locked until the caller's transaction ends. */
    Optional<SpecialRequirements> lock(UUID id) {
        return jdbc.sql("SELECT * FROM special_requirements WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    @Override
    public Measure measure() {
        return Measure.SPECIAL_REQUIREMENTS;
    }

    @Override
    public Optional<OffenderRecord> lockOffender(UUID id) {
        return lock(id).map(found -> offenderRecord(found, keys.of(id)));
    }

    @Override
    public List<OffenderRecord> linkToIin(byte[] personIndex, String iin) {
        List<SpecialRequirements> rows = keys.lockedRows(personIndex, this::map);
        rows.forEach(row -> keys.link(row.id(), row.offender().withIin(iin), iin));
        return rows.stream().map(row -> offenderRecord(row, personIndex)).toList();
    }

    @Override
    public List<PersonMeasure> againstPerson(OffenderIndex index) {
        return jdbc.sql("SELECT id, order_id, district, status, effective_from, valid_until FROM special_requirements"
                        + " WHERE " + index.column() + " = :index")
                .param("index", index.value())
                .query((row, n) -> new PersonMeasure(
                        Measure.SPECIAL_REQUIREMENTS,
                        row.getObject("id", UUID.class),
                        row.getObject("order_id", UUID.class),
                        null,
                        row.getString("district"),
                        row.getString("status"),
                        Times.instant(row, "effective_from"),
                        Times.instant(row, "valid_until")))
                .list();
    }

    private static OffenderRecord offenderRecord(SpecialRequirements row, byte[] personIndex) {
        return new OffenderRecord(
                Measure.SPECIAL_REQUIREMENTS,
                row.id(),
                row.orderId(),
                row.district(),
                row.version(),
                personIndex,
                row.offender().identity());
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private SpecialRequirements map(ResultSet row, int rowNumber) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        String schedule = row.getString("reporting_schedule");
        return new SpecialRequirements(
                id,
                row.getObject("order_id", UUID.class),
                row.getString("administrative_case"),
                row.getString("district"),
                row.getString("court"),
                row.getString("case_number"),
                row.getObject("decision_date", java.time.LocalDate.class),
                Times.instant(row, "effective_from"),
                Times.instant(row, "valid_until"),
                row.getInt("term_months"),
                RequirementsStatus.valueOf(row.getString("status")),
                JSON.readValue(row.getString("bans"), BANS),
                opened(id, row.getString("offender_sealed"), RequirementsOffender.class),
                new LegalBasis(
                        row.getString("legal_basis_law"),
                        row.getString("legal_basis_article"),
                        row.getString("legal_basis_version")),
                row.getString("imposed_by"),
                Times.instant(row, "recorded_at"),
                schedule == null ? null : JSON.readValue(schedule, ReportingSchedule.class),
                Times.instant(row, "schedule_recorded_at"),
                row.getInt("version"));
    }
}
