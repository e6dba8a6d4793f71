package kz.qorgau.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.bench.load.ClosedLoad;
import kz.qorgau.bench.web.TrivialWebApplication;
import kz.qorgau.infrastructure.PortAllocator;
import kz.qorgau.infrastructure.postgres.ServiceDatabase;
import kz.qorgau.infrastructure.process.JavaServiceProcess;

/**
 * Orders issued per second through order-service's HTTP API at rising concurrency (closed model, until
 * saturation), beside the two limits it is held to at the same concurrency: plain INSERT+COMMIT, and a
 * trivial endpoint on the same web stack in a JVM with the same options. Goal: at least half of the
 * smaller of the two. The system runs as {@code ./qorgau-local} runs it (C1 only, 256 MiB heaps), on the
 * same two cores as the load.
 */
final class OrderWrites implements BenchPart {

    static final int[] CLIENTS = JdbcInsertLimit.CLIENTS;
    static final double GOAL_RATIO = 0.5;

    /** The launcher's service JVM options (LocalStack#startService), so the trivial endpoint is comparable. */
    static final List<String> SERVICE_JVM_OPTIONS =
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8");

    /** README's walk-through order: valid test IINs, fake contacts, officer-a's district. */
    static final String ORDER =
            """
            {"offender":{"iin":"850703300127","lastName":"Ахметов","firstName":"Ерлан","patronymic":"Серикович"},
             "victim":{"iin":"900101401238","lastName":"Ахметова","firstName":"Айгерим",
              "contacts":[{"channel":"SMS","address":"+77011234567","preferredLanguage":"kk"},
                          {"channel":"EMAIL","address":"aigerim@example.kz","preferredLanguage":"kk"}]},
             "prohibitions":["DOMESTIC_VIOLENCE","CONTACTING_VICTIM","VISITING_VICTIM"],
             "policeUnit":"ALM-BOSTANDYK-UP-01","district":"ALM-BOSTANDYK"}
            """;

    /** The walk-through order with other people's IINs. */
    static String order(String offenderIin, String victimIin) {
        return ORDER.replace("850703300127", offenderIin).replace("900101401238", victimIin);
    }

    /** A POST of {@code body} to order-service's orders, as officer {@code token}, with its own Idempotency-Key. */
    static HttpRequest issueRequest(URI orders, String token, String body) {
        return HttpRequest.newBuilder(orders)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    @Override
    public String name() {
        return "order-writes";
    }

    @Override
    public String description() {
        return "orders issued/s through the HTTP API at 1-64 clients, against INSERT+COMMIT and a trivial"
                + " endpoint (goal >= 0.5 of the smaller)";
    }

    /**
     * Each order against other people: one offender with thousands of orders would make every issue look
     * up all of them (the repeat-offender warning), which no real offender has.
     */
    static final TestIins PEOPLE = new TestIins(19L);

    /** A request body of the walk-through's shape with fresh IINs. */
    static String freshOrder() {
        return order(PEOPLE.next(), PEOPLE.next());
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        Duration step = context.step();
        double[] inserts = new double[CLIENTS.length];
        ServiceDatabase database = JdbcInsertLimit.prepare(context);
        String payload = "x".repeat(JdbcInsertLimit.PAYLOAD_BYTES);
        for (int i = 0; i < CLIENTS.length; i++) {
            inserts[i] = JdbcInsertLimit.insertsPerSecond(database, CLIENTS[i], payload, step.toMillis());
        }

        ClosedLoad.Result[] trivial = new ClosedLoad.Result[CLIENTS.length];
        int port = PortAllocator.freePort();
        URI trivialUri = URI.create("http://127.0.0.1:" + port + TrivialWebApplication.PATH);
        try (JavaServiceProcess app = JavaServiceProcess.startMain(
                "web-trivial",
                System.getProperty("java.class.path"),
                TrivialWebApplication.class.getName(),
                SERVICE_JVM_OPTIONS,
                List.of("--server.port=" + port),
                Map.of(),
                context.workDir().resolve("web-trivial.log"))) {
            app.awaitHealthy(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofMinutes(1));
            warmUp(step, number -> post(trivialUri, null));
            for (int i = 0; i < CLIENTS.length; i++) {
                trivial[i] = ClosedLoad.run(CLIENTS[i], step, number -> post(trivialUri, null));
            }
        }

        ClosedLoad.Result[] orders = new ClosedLoad.Result[CLIENTS.length];
        try (LocalStackUnderTest stack = LocalStackUnderTest.start(context)) {
            URI ordersUri = URI.create(stack.orderApi() + "/orders");
            String warmToken = stack.token("officer-a");
            warmUp(step, number -> post(ordersUri, warmToken));
            for (int i = 0; i < CLIENTS.length; i++) {
                // A token lasts 10 minutes: a fresh one for each step.
                String token = stack.token("officer-a");
                orders[i] = ClosedLoad.run(CLIENTS[i], step, number -> post(ordersUri, token));
            }
        }

        List<Measurement> results = new ArrayList<>();
        for (int i = 0; i < CLIENTS.length; i++) {
            String clients = CLIENTS[i] + " client" + (CLIENTS[i] == 1 ? "" : "s");
            double smaller = Math.min(inserts[i], trivial[i].perSecond());
            results.add(Measurement.limit(
                    name(),
                    "trivial endpoint req/s, " + clients,
                    trivial[i].perSecond(),
                    "req/s",
                    failures(trivial[i]) + "p99 " + millis(trivial[i].millis(99))));
            results.add(Measurement.limit(
                    name(), "INSERT+COMMIT/s, " + clients, inserts[i], "rows/s", "as limits-jdbc, in this part's run"));
            results.add(new Measurement(
                    name(),
                    "orders issued/s, " + clients,
                    orders[i].perSecond(),
                    "orders/s",
                    "",
                    failures(orders[i]) + "p50 " + millis(orders[i].millis(50)) + ", p99 "
                            + millis(orders[i].millis(99)) + " (closed model)"));
            results.add(new Measurement(
                    name(),
                    "orders / smaller limit, " + clients,
                    orders[i].perSecond() / smaller,
                    "ratio",
                    ">= " + GOAL_RATIO,
                    "smaller of INSERT+COMMIT and trivial endpoint: " + Math.round(smaller) + "/s"));
        }
        return results;
    }

    /** A few seconds at 4 clients first, unrecorded: class loading and C1 compilation. */
    private static void warmUp(Duration step, java.util.function.IntFunction<ClosedLoad.Client> clients)
            throws InterruptedException {
        ClosedLoad.run(4, step.dividedBy(2), clients);
    }

    /** A client that posts the walk-through order, each time with its own Idempotency-Key. */
    static ClosedLoad.Client post(URI uri, String token) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new ClosedLoad.Client() {
            @Override
            public boolean call() throws Exception {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(freshOrder()));
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                return response.statusCode() == 201;
            }
        };
    }

    private static String failures(ClosedLoad.Result result) {
        return result.failed() == 0 ? "" : result.failed() + " failed, ";
    }

    private static String millis(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", value);
    }
}
