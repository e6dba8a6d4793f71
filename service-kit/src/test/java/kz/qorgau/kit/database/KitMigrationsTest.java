package kz.qorgau.kit.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qorgau.infrastructure.postgres.TestDatabase;
import kz.qorgau.testsupport.SharedInfrastructure;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** On a real PostgreSQL database: the kit's tables come first, in their own history, beside a service's. */
class KitMigrationsTest {

    static final KitSchema FIXTURE = new KitSchema("fixture", "classpath:db/kit/fixture", "kit_fixture_history");

    TestDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = SharedInfrastructure.databases().createFreshDatabase("kitmig");
    }

    @AfterEach
    void dropDatabase() {
        SharedInfrastructure.databases().drop(database.name());
    }

    @Test
    void onANewDatabaseTheKitsTablesComeFirstSoThatAServiceMigrationCanFillThem() throws SQLException {
        new KitMigrations(List.of(FIXTURE)).migrate(serviceFlyway().load());

        assertThat(query("SELECT note FROM kit_fixture_item ORDER BY id")).containsExactly("moved", "moved");
        assertThat(query("SELECT version FROM kit_fixture_history WHERE success ORDER BY installed_rank"))
                .containsExactly("0", "1", "2");
        assertThat(query("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                .containsExactly("0", "1", "2");
    }

    @Test
    void aDatabaseAServiceMigratedBeforeTheKitExistedGetsTheKitsTablesAndKeepsItsOwnHistory() throws SQLException {
        serviceFlyway()
                .locations("classpath:db/servicefixture")
                .target("1")
                .load()
                .migrate();

        new KitMigrations(List.of(FIXTURE)).migrate(serviceFlyway().load());

        assertThat(query("SELECT count(*) FROM kit_fixture_item")).containsExactly("2");
        assertThat(query("SELECT version FROM kit_fixture_history WHERE success ORDER BY installed_rank"))
                .containsExactly("0", "1", "2");
        assertThat(query("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                .containsExactly("1", "2");
    }

    @Test
    void runningAgainChangesNothing() throws SQLException {
        KitMigrations migrations = new KitMigrations(List.of(FIXTURE));
        migrations.migrate(serviceFlyway().load());
        migrations.migrate(serviceFlyway().load());

        assertThat(query("SELECT count(*) FROM kit_fixture_history")).containsExactly("3");
        assertThat(query("SELECT count(*) FROM flyway_schema_history")).containsExactly("3");
        assertThat(query("SELECT count(*) FROM kit_fixture_item")).containsExactly("2");
    }

    @Test
    void theServicesJavaMigrationsRunOnlyInTheServicesHistory() throws SQLException {
        AtomicInteger runs = new AtomicInteger();
        BaseJavaMigration javaMigration = new V3__Counted(runs);

        new KitMigrations(List.of(FIXTURE))
                .migrate(serviceFlyway().javaMigrations(javaMigration).load());

        assertThat(runs).hasValue(1);
        assertThat(query("SELECT count(*) FROM flyway_schema_history WHERE version = '3'"))
                .containsExactly("1");
        assertThat(query("SELECT count(*) FROM kit_fixture_history WHERE version = '3'"))
                .containsExactly("0");
    }

    @Test
    void aKitSchemaLivesUnderDbKitWithAKitHistoryTable() {
        assertThatThrownBy(() -> new KitSchema("x", "classpath:db/migration", "kit_x_history"))
                .hasMessageContaining("db/kit/");
        assertThatThrownBy(() -> new KitSchema("x", "classpath:db/kit/x", "flyway_schema_history"))
                .hasMessageContaining("kit_");
    }

    @Test
    void theAutoConfigurationMigratesTheKitSchemaBeansAndBacksOffForAServicesOwnStrategy() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KitMigrationsAutoConfiguration.class));
        runner.withBean(KitSchema.class, () -> FIXTURE).run(context -> assertThat(context)
                .getBean(FlywayMigrationStrategy.class)
                .isInstanceOf(KitMigrations.class));
        runner.withUserConfiguration(OwnStrategy.class).run(context -> assertThat(context)
                .getBean(FlywayMigrationStrategy.class)
                .isSameAs(OwnStrategy.STRATEGY));
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration serviceFlyway() {
        return Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/servicefixture");
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** A service's Java migration, version 3. */
    static final class V3__Counted extends BaseJavaMigration {
        private final AtomicInteger runs;

        V3__Counted(AtomicInteger runs) {
            this.runs = runs;
        }

        @Override
        public void migrate(Context context) {
            runs.incrementAndGet();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStrategy {
        static final FlywayMigrationStrategy STRATEGY = Flyway::migrate;

        @Bean
        FlywayMigrationStrategy ownStrategy() {
            return STRATEGY;
        }
    }
}
