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

    /** The server's default: autovacuum visits a database once a minute. */
    private static final Duration NAPTIME = Duration.ofMinutes(1);

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
        await().atMost(Duration.ofSeconds(30)).until(() -> AutoAnalyze.analyzeDue(server, urls, NAPTIME) == 1);

        assertThat(analyzeCount("grown")).isEqualTo(1);
        assertThat(analyzeCount("few")).isZero();
        assertThat(AutoAnalyze.analyzeDue(server, urls, NAPTIME)).isZero();
    }

    @Test
    void analyzesATableDueAgainOnlyANaptimeAfterItsLastAnalyze() throws Exception {
        execute("CREATE TABLE busy (id bigint PRIMARY KEY)");
        execute("INSERT INTO busy SELECT generate_series(1, 1000)");
        List<String> urls = List.of(server.jdbcUrl(database));
        await().atMost(Duration.ofSeconds(30)).until(() -> AutoAnalyze.analyzeDue(server, urls, NAPTIME) == 1);

        // Due again by the rule (1,000 changed rows against 50 + 10 % of 1,000), analyzed seconds ago.
        execute("INSERT INTO busy SELECT generate_series(1001, 2000)");
        await().atMost(Duration.ofSeconds(30)).until(() -> modifiedSinceAnalyze("busy") >= 1000);
        assertThat(AutoAnalyze.analyzeDue(server, urls, NAPTIME)).isZero();
        assertThat(analyzeCount("busy")).isEqualTo(1);

        // Once the pause is over (none here), it is analyzed again.
        assertThat(AutoAnalyze.analyzeDue(server, urls, Duration.ZERO)).isEqualTo(1);
        assertThat(analyzeCount("busy")).isEqualTo(2);
    }

    @Test
    void readsTheServersNaptime() throws Exception {
        assertThat(AutoAnalyze.naptime(server)).isEqualTo(setting("autovacuum_naptime"));
    }

    /** A setting in seconds, as pg_settings gives it (autovacuum_naptime's unit is s). */
    private static Duration setting(String name) throws Exception {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet row =
                        statement.executeQuery("SELECT setting, unit FROM pg_settings WHERE name = '" + name + "'")) {
            row.next();
            assertThat(row.getString(2)).isEqualTo("s");
            return Duration.ofSeconds(row.getLong(1));
        }
    }

    private static long analyzeCount(String table) throws Exception {
        return tableStatistic(table, "analyze_count");
    }

    private static long modifiedSinceAnalyze(String table) throws Exception {
        return tableStatistic(table, "n_mod_since_analyze");
    }

    /** A column of the table's row in pg_stat_user_tables. */
    private static long tableStatistic(String table, String column) throws Exception {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT " + column + " FROM pg_stat_user_tables WHERE relname = '" + table + "'")) {
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
