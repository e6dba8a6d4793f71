package kz.qorgau.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import kz.qorgau.infrastructure.postgres.ServiceDatabase;

/**
 * The database's own limit: single-row INSERT + COMMIT per second on the PostgreSQL the services use, at
 * 1, 4, 16 and 64 clients, each a connection of its own. Order writes are compared with it.
 */
final class JdbcInsertLimit implements BenchPart {

    static final int[] CLIENTS = {1, 4, 16, 64};
    /** About the size of an outbox row's data: an OrderIssued event. */
    static final int PAYLOAD_BYTES = 1_000;

    @Override
    public String name() {
        return "limits-jdbc";
    }

    @Override
    public String description() {
        return "plain JDBC single-row INSERT+COMMIT per second at 1, 4, 16 and 64 clients";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        ServiceDatabase database = prepare(context);
        String payload = "x".repeat(PAYLOAD_BYTES);
        List<Measurement> results = new ArrayList<>();
        for (int clients : CLIENTS) {
            double perSecond =
                    insertsPerSecond(database, clients, payload, context.step().toMillis());
            results.add(Measurement.limit(
                    name(),
                    "INSERT+COMMIT/s, " + clients + " client" + (clients == 1 ? "" : "s"),
                    perSecond,
                    "rows/s",
                    "autocommit, " + PAYLOAD_BYTES + "-byte row, synchronous_commit as configured"));
        }
        return results;
    }

    /** The kept database with an empty insert table. */
    static ServiceDatabase prepare(BenchContext context) throws SQLException {
        ServiceDatabase database = context.database("limits");
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_insert");
            statement.execute("CREATE TABLE bench_insert (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " created_at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)");
        }
        return database;
    }

    static double insertsPerSecond(ServiceDatabase database, int clients, String payload, long millis)
            throws Exception {
        LongAdder rows = new LongAdder();
        CountDownLatch ready = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        long[] window = new long[2];
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(
                    () -> {
                        try (Connection connection = connect(database);
                                PreparedStatement insert =
                                        connection.prepareStatement("INSERT INTO bench_insert (payload) VALUES (?)")) {
                            insert.setString(1, payload);
                            ready.countDown();
                            ready.await();
                            long end = System.nanoTime() + millis * 1_000_000;
                            while (System.nanoTime() < end) {
                                insert.executeUpdate();
                                rows.increment();
                            }
                        } catch (Exception e) {
                            synchronized (failures) {
                                failures.add(e);
                            }
                            ready.countDown();
                        }
                    },
                    "jdbc-client-" + i);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        window[0] = System.nanoTime();
        for (Thread thread : threads) {
            thread.join();
        }
        window[1] = System.nanoTime();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return rows.sum() / ((window[1] - window[0]) / 1e9);
    }

    static Connection connect(ServiceDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.role(), database.password());
    }
}
