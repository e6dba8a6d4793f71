package kz.qorgau.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qorgau.infrastructure.postgres.PostgresServer;

/**
 * Stands in for PostgreSQL's autovacuum when the server has it off, as this machine's CI configuration does.
 * Without it no table of the stack is ever analyzed: a statement prepared while a table was nearly empty keeps
 * its plan (a sequential scan) in every pooled connection for good, and each person check and each issued
 * order scanned every order. Production servers analyze, so the bench does, by autovacuum's own rule: a table
 * whose rows changed since its last ANALYZE by more than {@code autovacuum_analyze_threshold +
 * autovacuum_analyze_scale_factor} × its rows. It looks every few seconds rather than once a minute
 * ({@code autovacuum_naptime}), because the bench's tables grow from nothing within a minute where a production
 * system's are years old; but it analyzes a table again only a naptime after the last time, as autovacuum at
 * its quickest would. Without that pause a table of a few thousand rows was due every five seconds, and each
 * ANALYZE of the notices or of the outbox took a core for about 300 ms: bursts a production system, whose
 * tables pass the rule hours apart, never has. ANALYZE runs in the PostgreSQL processes, so its CPU counts as
 * the database's.
 */
final class AutoAnalyze implements AutoCloseable {

    static final long PERIOD_SECONDS = 5;

    /**
     * Autovacuum's analyze rule, read from the server's own settings, for tables not analyzed in the last {@code
     * ?} seconds.
     */
    static final String DUE =
            """
            SELECT format('%I.%I', s.schemaname, s.relname)
            FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
            WHERE s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
                + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)
              AND coalesce(greatest(s.last_analyze, s.last_autoanalyze) < now() - make_interval(secs => ?), true)
            """;

    private final ScheduledExecutorService scheduler;
    private final AtomicInteger analyzed = new AtomicInteger();

    private AutoAnalyze(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Starts analyzing {@code databases} (full names) on {@code server} if its autovacuum is off; otherwise
     * does nothing, and the server's own autovacuum keeps their statistics.
     */
    static AutoAnalyze ifServerDoesNot(PostgresServer server, List<String> databases) throws SQLException {
        if (autovacuumOn(server)) {
            return new AutoAnalyze(null);
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-auto-analyze");
            thread.setDaemon(true);
            return thread;
        });
        AutoAnalyze keeper = new AutoAnalyze(scheduler);
        List<String> urls = databases.stream().map(server::jdbcUrl).toList();
        Duration naptime = naptime(server);
        scheduler.scheduleWithFixedDelay(
                () -> keeper.analyzed.addAndGet(analyzeDue(server, urls, naptime)),
                PERIOD_SECONDS,
                PERIOD_SECONDS,
                TimeUnit.SECONDS);
        System.out.println("  PostgreSQL's autovacuum is off on this server: the bench analyzes the stack's tables"
                + " by its rule, looking every " + PERIOD_SECONDS + " s, each table at most every "
                + naptime.toSeconds() + " s");
        return keeper;
    }

    /** {@code autovacuum_naptime}: how often autovacuum looks at a database, so how often it can analyze a table. */
    static Duration naptime(PostgresServer server) throws SQLException {
        String seconds =
                serverValue(server, "SELECT extract(epoch FROM current_setting('autovacuum_naptime')::interval)");
        return Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000));
    }

    static boolean autovacuumOn(PostgresServer server) throws SQLException {
        return "on".equals(serverValue(server, "SHOW autovacuum"));
    }

    /** The one value {@code sql} answers, asked as the server's administrator. */
    private static String serverValue(PostgresServer server, String sql) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(server.adminJdbcUrl(), server.adminUser(), server.adminPassword());
                Statement statement = connection.createStatement();
                ResultSet value = statement.executeQuery(sql)) {
            value.next();
            return value.getString(1);
        }
    }

    /**
     * The tables of the databases at {@code urls} that autovacuum would analyze now and that were not analyzed
     * within {@code pause}, analyzed; how many.
     */
    static int analyzeDue(PostgresServer server, List<String> urls, Duration pause) {
        int count = 0;
        for (String url : urls) {
            try (Connection connection = DriverManager.getConnection(url, server.adminUser(), server.adminPassword());
                    PreparedStatement query = connection.prepareStatement(DUE);
                    Statement statement = connection.createStatement()) {
                List<String> due = new ArrayList<>();
                query.setDouble(1, pause.toMillis() / 1000.0);
                try (ResultSet tables = query.executeQuery()) {
                    while (tables.next()) {
                        due.add(tables.getString(1));
                    }
                }
                for (String table : due) {
                    statement.execute("ANALYZE " + table);
                    count++;
                }
            } catch (SQLException e) {
                // A database dropped or not made yet, or the server restarting: the next round tries again.
            }
        }
        return count;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            System.out.println("  The bench analyzed the stack's tables " + analyzed.get() + " times");
        }
    }
}
