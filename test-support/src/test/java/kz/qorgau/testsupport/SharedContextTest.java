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
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Two classes that name the same shared context get one context, one database and one namespace, and the
 * database outlives the first class (it goes when the JVM ends).
 */
class SharedContextTest {

    private static final Set<String> DATABASES = ConcurrentHashMap.newKeySet();
    private static final Set<String> NAMESPACES = ConcurrentHashMap.newKeySet();
    private static final Set<ApplicationContext> CONTEXTS = ConcurrentHashMap.newKeySet();

    abstract static class OneClass {

        @Autowired
        TestInfrastructure infrastructure;

        @Autowired
        DataSource dataSource;

        @Autowired
        ApplicationContext context;

        @Test
        void sharesTheGroupsInfrastructure() {
            DATABASES.add(infrastructure.database().name());
            NAMESPACES.add(infrastructure.namespace());
            CONTEXTS.add(context);
        }
    }

    @Nested
    @SpringJUnitConfig(IsolatedDatabasesTest.PlainJdbc.class)
    @QorgauInfrastructure(sharedContext = "shared-context-test")
    class FirstClass extends OneClass {}

    @Nested
    @SpringJUnitConfig(IsolatedDatabasesTest.PlainJdbc.class)
    @QorgauInfrastructure(sharedContext = "shared-context-test")
    class SecondClass extends OneClass {}

    @AfterAll
    static void oneContextOneDatabaseStillThere() throws SQLException {
        assertThat(CONTEXTS).hasSize(1);
        assertThat(NAMESPACES).hasSize(1);
        assertThat(DATABASES).hasSize(1);
        var server = SharedInfrastructure.postgres();
        try (Connection admin =
                        DriverManager.getConnection(server.adminJdbcUrl(), server.adminUser(), server.adminPassword());
                var statement = admin.prepareStatement("select count(*) from pg_database where datname = ?")) {
            statement.setString(1, DATABASES.iterator().next());
            try (var rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1))
                        .as("the shared database, kept for later classes")
                        .isOne();
            }
        }
    }
}
