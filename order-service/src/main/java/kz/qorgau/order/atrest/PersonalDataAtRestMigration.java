package kz.qorgau.order.atrest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Flyway V5: encrypts the clear offender and victim of rows written before V4 with the configured
 * at-rest key and fills their blind indexes, in the migration's transaction (all rows or none). A
 * Spring bean, which Spring Boot hands to Flyway, so that it has the key ring. On a new database there
 * is nothing to do. Logs a count only.
 */
@Component
public class PersonalDataAtRestMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataAtRestMigration.class);

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final PersonalDataVault vault;

    PersonalDataAtRestMigration(PersonalDataVault vault) {
        this.vault = vault;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5");
    }

    @Override
    public String getDescription() {
        return "encrypt clear personal data";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        int encrypted = 0;
        try (PreparedStatement select =
                        connection.prepareStatement("SELECT id, offender::text, victim::text FROM protective_order"
                                + " WHERE offender_sealed IS NULL FOR UPDATE");
                PreparedStatement update = connection.prepareStatement(
                        """
                        UPDATE protective_order
                        SET offender_sealed = CAST(? AS jsonb), victim_sealed = CAST(? AS jsonb),
                            offender_iin_index = ?, victim_iin_index = ?, offender = NULL, victim = NULL
                        WHERE id = ?
                        """);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                UUID id = rows.getObject(1, UUID.class);
                JsonNode offender = read(id, rows.getString(2), "offender");
                JsonNode victim = read(id, rows.getString(3), "victim");
                update.setString(
                        1, JSON.writeValueAsString(vault.seal(id, PersonalDataVault.Column.OFFENDER, offender)));
                update.setString(2, JSON.writeValueAsString(vault.seal(id, PersonalDataVault.Column.VICTIM, victim)));
                update.setBytes(3, vault.blindIndex(offender.path("iin").asString()));
                update.setBytes(4, vault.blindIndex(victim.path("iin").asString()));
                update.setObject(5, id);
                update.executeUpdate();
                encrypted++;
            }
        }
        log.info("Encrypted the personal data of {} existing orders under key id {}", encrypted, vault.activeKeyId());
    }

    /** The clear column as JSON, sealed as it was written (this package knows no order's types). */
    private static JsonNode read(UUID id, String json, String column) {
        try {
            JsonNode node = JSON.readTree(json);
            if (!node.isObject() || !node.path("iin").isString()) {
                throw new IllegalArgumentException("not an object with an iin");
            }
            return node;
        } catch (JacksonException | IllegalArgumentException e) {
            // No cause: Jackson's message can quote the clear personal data into the log.
            throw new IllegalStateException("order " + id + ": the clear " + column + " cannot be read");
        }
    }
}
