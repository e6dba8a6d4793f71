package kz.qorgau.order.atrest;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.sealed.SealedField;
import kz.qorgau.order.atrest.PersonalDataVault.Column;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of a table with one sealed column (a court measure's offender): sealing and opening its
 * values, and walking its rows for the key rotation, written once for every such table.
 */
public abstract class SealedColumnRows implements SealedRows {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    // PostgreSQL orders uuids as unsigned bytes: the nil uuid comes first.
    private static final UUID BEFORE_EVERY_ID = new UUID(0, 0);

    protected final JdbcClient jdbc;
    protected final PersonalDataVault vault;
    private final Column column;

    protected SealedColumnRows(JdbcClient jdbc, PersonalDataVault vault, Column column) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.column = column;
    }

    /** {@code value} sealed for the row {@code id}, as the column's JSON. */
    protected String sealed(UUID id, Object value) {
        return JSON.writeValueAsString(vault.seal(id, column, value));
    }

    /** The column's JSON of row {@code id}, opened. */
    protected <T> T opened(UUID id, String json, Class<T> type) {
        return vault.open(id, column, JSON.readValue(json, SealedField.class), type);
    }

    @Override
    public String activeKeyId() {
        return vault.activeKeyId();
    }

    @Override
    public long countNotUnderActiveKey() {
        return jdbc.sql("SELECT count(*) FROM " + column.table() + " WHERE " + column.columnName()
                        + " ->> 'keyId' <> :active")
                .param("active", vault.activeKeyId())
                .query(Long.class)
                .single();
    }

    @Override
    public List<UUID> resealBatch(UUID after, int limit) {
        String table = column.table();
        String name = column.columnName();
        List<UUID> ids = jdbc.sql("SELECT id FROM " + table + " WHERE id > :after AND " + name
                        + " ->> 'keyId' <> :active ORDER BY id LIMIT :limit FOR UPDATE")
                .param("after", after == null ? BEFORE_EVERY_ID : after)
                .param("active", vault.activeKeyId())
                .param("limit", limit)
                .query(UUID.class)
                .list();
        for (UUID id : ids) {
            String json = jdbc.sql("SELECT " + name + "::text FROM " + table + " WHERE id = :id")
                    .param("id", id)
                    .query(String.class)
                    .single();
            jdbc.sql("UPDATE " + table + " SET " + name + " = CAST(:sealed AS jsonb) WHERE id = :id")
                    .param("sealed", sealed(id, opened(id, json, Map.class)))
                    .param("id", id)
                    .update();
        }
        return ids;
    }
}
