package kz.qorgau.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * An open-model load: requests start at a fixed rate whether or not earlier ones have answered, so a
 * stall in the system shows in the latencies instead of slowing the load (no coordinated omission). Each
 * latency runs from the moment the request was due, not from when it could be sent. At most {@link
 * #MAX_IN_FLIGHT} requests are out at once, as a load generator with that many connections (wrk2's model):
 * a request due while all are out waits for one, and that wait is part of its latency, while the
 * generator's own memory stays bounded when the system stalls.
 */
public final class OpenLoad {

    /** One answer: when its request was due, when the answer arrived, and what it said. */
    public record Answer(Instant due, Instant answered, int status, String body) {}

    /** What a run did: every answer, errors, and the latencies from due to answered. */
    public record Result(List<Answer> answers, long errors, Histogram latencies) {}

    /** Requests out at once, at most. */
    public static final int MAX_IN_FLIGHT = 256;

    private OpenLoad() {}

    /**
     * Sends {@code perSecond × duration} requests, the i-th due at {@code i / perSecond} after the start,
     * and waits up to {@code patience} after the last one for the stragglers.
     */
    public static Result run(
            HttpClient http, double perSecond, Duration duration, Duration patience, IntFunction<HttpRequest> requests)
            throws InterruptedException {
        long count = Math.round(perSecond * duration.toNanos() / 1e9);
        long interval = Math.round(1e9 / perSecond);
        long startNanos = System.nanoTime();
        Instant startWall = Instant.now();
        List<CompletableFuture<Answer>> pending = new ArrayList<>();
        LongAdder errors = new LongAdder();
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(MAX_IN_FLIGHT);
        for (int i = 0; i < count; i++) {
            long dueNanos = startNanos + i * interval;
            long wait;
            while ((wait = dueNanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Instant due = startWall.plusNanos(dueNanos - startNanos);
            inFlight.acquire();
            pending.add(http.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        Instant answered = Instant.now();
                        inFlight.release();
                        if (failure != null) {
                            errors.increment();
                            return new Answer(due, answered, -1, "");
                        }
                        return new Answer(due, answered, response.statusCode(), response.body());
                    }));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // Those still out count as errors below.
        }
        List<Answer> answers = new ArrayList<>();
        Histogram latencies = new Histogram(3_600_000_000L, 3);
        for (CompletableFuture<Answer> future : pending) {
            Answer answer = future.getNow(null);
            if (answer == null) {
                errors.increment();
                continue;
            }
            answers.add(answer);
            if (answer.status() > 0) {
                latencies.recordValue(Math.max(
                        0, Duration.between(answer.due(), answer.answered()).toNanos() / 1_000));
            }
        }
        return new Result(answers, errors.sum(), latencies);
    }
}
