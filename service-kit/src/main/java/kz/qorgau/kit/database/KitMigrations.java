package kz.qorgau.kit.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates the kit's schemas ({@link KitSchema}), in order, and then the service's own. Each kit schema
 * runs with the service's Flyway settings (data source, user, schemas, placeholders) but its own locations
 * and history table, and without the service's Java migrations and callbacks.
 */
public final class KitMigrations implements FlywayMigrationStrategy {

    private static final Log log = LogFactory.getLog(KitMigrations.class);

    private final List<KitSchema> schemas;

    public KitMigrations(List<KitSchema> schemas) {
        this.schemas = List.copyOf(schemas);
    }

    @Override
    public void migrate(Flyway flyway) {
        if (!schemas.isEmpty() && schemaIsEmpty(flyway.getConfiguration())) {
            // Flyway refuses a non-empty schema without its history table: once the kit's tables exist, the
            // service's own first migration would be refused. Start the service's history first, at 0.
            Flyway.configure(flyway.getConfiguration().getClassLoader())
                    .configuration(flyway.getConfiguration())
                    .baselineVersion("0")
                    // Flyway writes the description into its SQL unquoted: no apostrophes.
                    .baselineDescription("empty schema, before the kit tables")
                    .load()
                    .baseline();
        }
        for (KitSchema schema : schemas) {
            MigrateResult result = forSchema(flyway, schema).migrate();
            if (result.migrationsExecuted > 0) {
                log.info("Kit schema " + schema.name() + ": " + result.migrationsExecuted
                        + " migration(s) applied, now at version " + result.targetSchemaVersion);
            }
        }
        flyway.migrate();
    }

    /** True when the service's schema holds no relation at all (or does not exist yet). */
    static boolean schemaIsEmpty(Configuration configuration) {
        String schema = configuration.getDefaultSchema() != null
                ? configuration.getDefaultSchema()
                : configuration.getSchemas().length > 0 ? configuration.getSchemas()[0] : null;
        try (Connection connection = configuration.getDataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        """
                        SELECT NOT EXISTS (
                            SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                             WHERE n.nspname = coalesce(?, current_schema()))
                        """)) {
            statement.setString(1, schema);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not tell whether schema " + schema + " is empty", e);
        }
    }

    /** The service's Flyway, pointed at one kit schema. */
    static Flyway forSchema(Flyway service, KitSchema schema) {
        return Flyway.configure(service.getConfiguration().getClassLoader())
                .configuration(service.getConfiguration())
                .locations(schema.location())
                .table(schema.historyTable())
                .javaMigrations(new JavaMigration[0])
                .callbacks(new Callback[0])
                // The schema already holds the service's tables: start the kit's history at 0, apply V1 and up.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("kit schema " + schema.name())
                .target("latest")
                .load();
    }
}
