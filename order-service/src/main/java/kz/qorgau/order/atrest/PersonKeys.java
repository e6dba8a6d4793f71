package kz.qorgau.order.atrest;

import java.util.List;
import java.util.UUID;
import kz.qorgau.order.atrest.PersonalDataVault.Column;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The person key ({@code offender_iin_index}) of the rows of a table with a sealed offender column, as linking
 * a person recorded without an IIN walks them (docs/adr/0035): written once for every such table.
 */
public final class PersonKeys {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final PersonalDataVault vault;
    private final Column column;

    public PersonKeys(JdbcClient jdbc, PersonalDataVault vault, Column column) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.column = column;
    }

    /** The person key of row {@code id}. */
    public byte[] of(UUID id) {
        return jdbc.sql("SELECT offender_iin_index FROM " + column.table() + " WHERE id = :id")
                .param("id", id)
                .query(byte[].class)
                .single();
    }

    /** The rows whose person key is {@code key}, locked until the caller's transaction ends, in id order. */
    public <T> List<T> lockedRows(byte[] key, RowMapper<T> mapper) {
        return jdbc.sql("SELECT * FROM " + column.table() + " WHERE offender_iin_index = :key ORDER BY id FOR UPDATE")
                .param("key", key)
                .query(mapper)
                .list();
    }

    /** Row {@code id} linked to {@code iin}: {@code offender} sealed again, the IIN's key, the version raised. */
    public void link(UUID id, Object offender, String iin) {
        jdbc.sql(
                        "UPDATE " + column.table() + " SET " + column.columnName()
                                + " = CAST(:offender AS jsonb), offender_iin_index = :key, version = version + 1 WHERE id = :id")
                .param("offender", JSON.writeValueAsString(vault.seal(id, column, offender)))
                .param("key", vault.blindIndex(iin))
                .param("id", id)
                .update();
    }
}
