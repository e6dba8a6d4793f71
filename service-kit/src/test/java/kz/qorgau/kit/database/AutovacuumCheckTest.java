package kz.qorgau.kit.database;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import kz.qorgau.infrastructure.postgres.TestDatabase;
import kz.qorgau.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class AutovacuumCheckTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AutovacuumCheckAutoConfiguration.class));

    @Test
    void anOperatorIsWarnedWhenTheServerNeverAnalyzesAndToldNothingWhenItDoes() {
        assertThat(AutovacuumCheck.warning("off"))
                .hasValueSatisfying(warning ->
                        assertThat(warning).contains("autovacuum is off").contains("analyze"));
        assertThat(AutovacuumCheck.warning("on")).isEmpty();
    }

    @Test
    void aServiceWithADatabaseReadsItsServersSetting() {
        TestDatabase database = SharedInfrastructure.databases().createFreshDatabase("autovacuum");
        try {
            runner.withBean(
                            DataSource.class,
                            () -> new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password()))
                    .run(context -> assertThat(
                                    context.getBean(AutovacuumCheck.class).setting())
                            .isIn("on", "off"));
        } finally {
            SharedInfrastructure.databases().drop(database.name());
        }
    }

    @Test
    void aServiceWithTwoDatabasesAndNoPrimaryHasNoCheckRatherThanFailingToStart() {
        runner.withBean("first", DataSource.class, DriverManagerDataSource::new)
                .withBean("second", DataSource.class, DriverManagerDataSource::new)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AutovacuumCheck.class));
    }

    @Test
    void aServiceWithoutADatabaseHasNoCheck() {
        runner.run(context -> assertThat(context).doesNotHaveBean(AutovacuumCheck.class));
    }
}
