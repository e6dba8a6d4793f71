package kz.qorgau.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kz.qorgau.infrastructure.DockerProbe;
import kz.qorgau.infrastructure.InfraEnvironment;
import kz.qorgau.infrastructure.postgres.PostgresDiscovery;
import kz.qorgau.infrastructure.postgres.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Autovacuum's analyze rule on the real server: a table analyzed once enough of its rows changed, not before. */
class AutoAnalyzeTest {

    private static PostgresServer server;
    private static String database;

    /** A database of its own, made as the server's administrator (the bench analyzes as that user too). */
    @BeforeAll
    static void database() throws Exception {
        // Loaded first: without it DriverManager finds no driver in the bench's test JVM.
        Class.forName("org.postgresql.Driver");
        // The server the bench finds, without asking Testcontainers: its logging clashes with the bench's.
        server = PostgresDiscovery.discover(InfraEnvironment.system(), DockerProbe.unavailable());
        database = "bench_autoanalyze_" + UUID.randomUUID().toString().substring(0, 8);
        admin("CREATE DATABASE " + database);
    }

    @AfterAll
    static void drop() throws Exception {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void analyzesATableOnceItsChangedRowsPassAutovacuumsThresholdAndNotAgainUntilTheyDo() throws Exception {
        execute("CREATE TABLE grown (id bigint PRIMARY KEY)");
        execute("CREATE TABLE few (id bigint PRIMARY KEY)");
        // autovacuum_analyze_threshold is 50 rows by default: 1,000 new rows pass it, 10 do not.
        execute("INSERT INTO grown SELECT generate_series(1, 1000)");
        execute("INSERT INTO few SELECT generate_series(1, 10)");
        List<String> urls = List.of(server.jdbcUrl(database));

        // The statistics of a commit reach pg_stat_user_tables within about a second.
        await().atMost(Duration.ofSeconds(30)).until(() -> AutoAnalyze.analyzeDue(server, urls) == 1);

        assertThat(analyzeCount("grown")).isEqualTo(1);
        assertThat(analyzeCount("few")).isZero();
        assertThat(AutoAnalyze.analyzeDue(server, urls)).isZero();
    }

    private static long analyzeCount(String table) throws Exception {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT analyze_count FROM pg_stat_user_tables WHERE relname = '" + table + "'")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(server.jdbcUrl(database), server.adminUser(), server.adminPassword());
    }

    private static void admin(String sql) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(server.adminJdbcUrl(), server.adminUser(), server.adminPassword());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
