package kz.qorgau.order.requirements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.Ban;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.sealed.SealedField;
import kz.qorgau.order.atrest.PersonalDataVault;
import kz.qorgau.order.atrest.PersonalDataVault.Column;
import kz.qorgau.order.atrest.SealedRows;
import kz.qorgau.order.lifecycle.Times;
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
class SpecialRequirementsStore implements SealedRows {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<List<Ban>> BANS = new TypeReference<>() {};
    private static final UUID BEFORE_EVERY_ID = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);

    private final JdbcClient jdbc;
    private final PersonalDataVault vault;

    SpecialRequirementsStore(JdbcClient jdbc, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    void insert(SpecialRequirements requirements) {
        jdbc.sql(
                        """
                        INSERT INTO special_requirements (id, order_id, administrative_case, district, court,
                            case_number, decision_date, effective_from, valid_until, term_months, status, bans, offender_sealed,
                            offender_iin_index, legal_basis_law, legal_basis_article, legal_basis_version,
                            imposed_by, recorded_at)
                        VALUES (:id, :orderId, :administrativeCase, :district, :court, :caseNumber, :decisionDate,
                            :effectiveFrom, :validUntil, :termMonths, :status, CAST(:bans AS jsonb), CAST(:offender AS jsonb),
                            :offenderIndex, :law, :article, :lawVersion, :imposedBy, :recordedAt)
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
                .param("offender", sealedOffender(requirements.id(), requirements.offender()))
                .param("offenderIndex", vault.blindIndex(requirements.offender().iin()))
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

    /** The row, locked until the caller's transaction ends. */
    Optional<SpecialRequirements> lock(UUID id) {
        return jdbc.sql("SELECT * FROM special_requirements WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    @Override
    public String activeKeyId() {
        return vault.activeKeyId();
    }

    @Override
    public long countNotUnderActiveKey() {
        return jdbc.sql("SELECT count(*) FROM special_requirements WHERE offender_sealed ->> 'keyId' <> :active")
                .param("active", vault.activeKeyId())
                .query(Long.class)
                .single();
    }

    @Override
    public List<UUID> resealBatch(UUID after, int limit) {
        List<UUID> ids = jdbc.sql(
                        """
                        SELECT id FROM special_requirements
                        WHERE id > :after AND offender_sealed ->> 'keyId' <> :active
                        ORDER BY id LIMIT :limit
                        FOR UPDATE
                        """)
                .param("after", after == null ? BEFORE_EVERY_ID : after)
                .param("active", vault.activeKeyId())
                .param("limit", limit)
                .query(UUID.class)
                .list();
        for (UUID id : ids) {
            SpecialRequirements requirements = findById(id).orElseThrow();
            jdbc.sql("UPDATE special_requirements SET offender_sealed = CAST(:offender AS jsonb) WHERE id = :id")
                    .param("offender", sealedOffender(id, requirements.offender()))
                    .param("id", id)
                    .update();
        }
        return ids;
    }

    private String sealedOffender(UUID id, RequirementsOffender offender) {
        return JSON.writeValueAsString(vault.seal(id, Column.REQUIREMENTS_OFFENDER, offender));
    }

    private SpecialRequirements map(ResultSet row, int rowNumber) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        SealedField sealed = JSON.readValue(row.getString("offender_sealed"), SealedField.class);
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
                vault.open(id, Column.REQUIREMENTS_OFFENDER, sealed, RequirementsOffender.class),
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
