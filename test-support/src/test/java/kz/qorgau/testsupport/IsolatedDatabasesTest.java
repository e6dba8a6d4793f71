package kz.qorgau.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Two test classes under {@link QorgauInfrastructure} get two databases and two namespaces that do
 * not see each other, and both databases are gone once the classes are done.
 */
class IsolatedDatabasesTest {

    private static final Set<String> DATABASES = ConcurrentHashMap.newKeySet();
    private static final Set<String> NAMESPACES = ConcurrentHashMap.newKeySet();

    @Configuration
    static class PlainJdbc {
        @Bean
        DataSource dataSource(
                @Value("${spring.datasource.url}") String url,
                @Value("${spring.datasource.username}") String user,
                @Value("${spring.datasource.password}") String password) {
            return new DriverManagerDataSource(url, user, password);
        }
    }

    abstract static class OneClass {

        @Autowired
        TestInfrastructure infrastructure;

        @Autowired
        DataSource dataSource;

        @Test
        void hasADatabaseAndNamespaceOfItsOwn() {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            String marker = "marker_" + getClass().getSimpleName().toLowerCase();
            jdbc.execute("create table " + marker + " (id int)");

            Integer otherMarkers = jdbc.queryForObject(
                    "select count(*) from information_schema.tables where table_name like 'marker_%' and table_name <> ?",
                    Integer.class, marker);
            assertThat(otherMarkers).as("tables made by the other class").isZero();
            assertThat(jdbc.queryForObject("select current_database()", String.class))
                    .isEqualTo(infrastructure.database().name());
            assertThat(DATABASES.add(infrastructure.database().name()))
                    .as("database unique")
                    .isTrue();
            assertThat(NAMESPACES.add(infrastructure.namespace()))
                    .as("namespace unique")
                    .isTrue();
        }
    }

    @Nested
    @SpringJUnitConfig(PlainJdbc.class)
    @QorgauInfrastructure
    class FirstClass extends OneClass {}

    @Nested
    @SpringJUnitConfig(PlainJdbc.class)
    @QorgauInfrastructure
    class SecondClass extends OneClass {}

    @AfterAll
    static void bothDatabasesAreDroppedWhenTheirClassesEnd() throws SQLException {
        assertThat(DATABASES).hasSize(2);
        var server = SharedInfrastructure.postgres();
        try (Connection admin =
                        DriverManager.getConnection(server.adminJdbcUrl(), server.adminUser(), server.adminPassword());
                var statement = admin.prepareStatement("select count(*) from pg_database where datname = any(?)")) {
            statement.setArray(1, admin.createArrayOf("text", DATABASES.toArray()));
            try (var rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).as("databases left behind").isZero();
            }
        }
    }
}
