package kz.qorgau.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import kz.qorgau.bench.load.OpenLoad;

/**
 * The local stack's footprint: its start-up time after a build (goal under 30 s), and each process's
 * resident set and heap after a full collection, idle and under 20 orders a second; the services, token
 * issuer and broker together are held to 1.5 GiB. The launcher, which also runs the SMTP inbox, is
 * reported apart.
 */
final class Footprint implements BenchPart {

    static final double GOAL_START_SECONDS = 30;
    static final long GOAL_TOTAL_BYTES = 1536L * 1024 * 1024;
    static final double LOAD_PER_SECOND = 20;
    /** What the 1.5 GiB holds; the launcher (with its SMTP inbox) and anything else are reported apart. */
    static final java.util.Set<String> TOGETHER = java.util.Set.of(
            "identity-server", "order-service", "notification-service", "audit-service", "kafka-broker");

    @Override
    public String name() {
        return "footprint";
    }

    @Override
    public String description() {
        return "start-up time (goal < 30 s), RSS and heap after GC of each process idle and at 20 orders/s"
                + " (goal: services, issuer and broker <= 1.5 GiB)";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        List<Measurement> results = new ArrayList<>();
        try (LocalStackUnderTest stack = LocalStackUnderTest.start(context)) {
            results.add(new Measurement(
                    name(),
                    "local stack start-up",
                    stack.startSeconds(),
                    "s",
                    "< 30 s",
                    "as ./qorgau-local prints it"));
            // Settled: the first scrape, token key fetch and consumer group joins are behind it.
            LockSupport.parkNanos(context.step().toNanos());
            Map<String, ProcessFootprint> idle = snapshot(stack);

            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI orders = URI.create(stack.orderApi() + "/orders");
            String token = stack.token("officer-a");
            Duration length = context.step().multipliedBy(3);
            CompletableFuture<OpenLoad.Result> load = CompletableFuture.supplyAsync(() -> {
                try {
                    return OpenLoad.run(
                            http,
                            LOAD_PER_SECOND,
                            length,
                            Duration.ofMinutes(1),
                            i -> OrderWrites.issueRequest(orders, token, OrderWrites.freshOrder()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            // Two thirds into the load: warm, and still loaded.
            LockSupport.parkNanos(length.multipliedBy(2).dividedBy(3).toNanos());
            Map<String, ProcessFootprint> loaded = snapshot(stack);
            OpenLoad.Result result = load.join();

            long idleTotal = 0;
            long loadedTotal = 0;
            for (String process : idle.keySet()) {
                ProcessFootprint atRest = idle.get(process);
                ProcessFootprint busy = loaded.get(process);
                results.add(Measurement.limit(name(), process + " RSS idle", mib(atRest.rssBytes()), "MiB", ""));
                if (busy != null) {
                    results.add(Measurement.limit(name(), process + " RSS at 20/s", mib(busy.rssBytes()), "MiB", ""));
                }
                if (atRest.heapAfterGcBytes() >= 0) {
                    results.add(Measurement.limit(
                            name(), process + " heap after GC idle", mib(atRest.heapAfterGcBytes()), "MiB", ""));
                }
                if (busy != null && busy.heapAfterGcBytes() >= 0) {
                    results.add(Measurement.limit(
                            name(), process + " heap after GC at 20/s", mib(busy.heapAfterGcBytes()), "MiB", ""));
                }
                if (TOGETHER.contains(process)) {
                    idleTotal += atRest.rssBytes();
                    loadedTotal += busy == null ? 0 : busy.rssBytes();
                }
            }
            String note = "services, issuer and broker; the launcher with its SMTP inbox apart";
            results.add(new Measurement(name(), "RSS together, idle", mib(idleTotal), "MiB", "<= 1536 MiB", note));
            results.add(new Measurement(
                    name(),
                    "RSS together, at 20/s",
                    mib(loadedTotal),
                    "MiB",
                    "<= 1536 MiB",
                    result.answers().size() + " orders during the load, " + result.errors() + " errors"));
        }
        return results;
    }

    private static Map<String, ProcessFootprint> snapshot(LocalStackUnderTest stack) {
        Map<String, ProcessFootprint> footprints = new LinkedHashMap<>();
        for (ProcessHandle process : stack.processes()) {
            ProcessFootprint.of(process)
                    .ifPresent(footprint -> footprints.merge(
                            footprint.name(),
                            footprint,
                            (a, b) -> new ProcessFootprint(
                                    a.name(),
                                    a.pid(),
                                    a.rssBytes() + b.rssBytes(),
                                    a.heapAfterGcBytes() + b.heapAfterGcBytes())));
        }
        return footprints;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
