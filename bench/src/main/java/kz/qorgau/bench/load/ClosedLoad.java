package kz.qorgau.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * A closed-model load: {@code clients} workers, each sending its next request as soon as the last one
 * answered, for a fixed time. It finds a saturation throughput; its latencies hide stalls (coordinated
 * omission), so latency goals are measured with an open model instead.
 */
public final class ClosedLoad {

    /** One worker's connection to the system under test. */
    public interface Client extends AutoCloseable {

        /** Sends one request and waits for its answer; {@code true} when it was the expected answer. */
        boolean call() throws Exception;

        @Override
        default void close() {}
    }

    /** What one run did: requests answered as expected, other answers or errors, and latencies. */
    public record Result(int clients, long succeeded, long failed, double seconds, Histogram latencies) {

        public double perSecond() {
            return succeeded / seconds;
        }

        /** A latency percentile in milliseconds. */
        public double millis(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1_000_000.0;
        }
    }

    private ClosedLoad() {}

    /**
     * Runs {@code clients} workers for {@code duration}; {@code clientFactory} makes each worker's client
     * (given its number) before the clock starts.
     */
    public static Result run(int clients, Duration duration, IntFunction<Client> clientFactory)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Worker worker = new Worker(clientFactory, i, ready, start, duration.toNanos());
            workers.add(worker);
            worker.thread.start();
        }
        ready.await();
        long began = System.nanoTime();
        start.countDown();
        Histogram latencies = new Histogram(3_600_000_000_000L, 3);
        long succeeded = 0;
        long failed = 0;
        for (Worker worker : workers) {
            worker.thread.join();
            if (worker.setupFailure != null) {
                throw new IllegalStateException("A client could not be set up", worker.setupFailure);
            }
            latencies.add(worker.latencies);
            succeeded += worker.succeeded;
            failed += worker.failed;
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        return new Result(clients, succeeded, failed, seconds, latencies);
    }

    private static final class Worker implements Runnable {

        final Thread thread;
        final Histogram latencies = new Histogram(3_600_000_000_000L, 3);
        private final IntFunction<Client> clientFactory;
        private final int number;
        private final CountDownLatch ready;
        private final CountDownLatch start;
        private final long nanos;
        long succeeded;
        long failed;
        Exception setupFailure;

        Worker(IntFunction<Client> clientFactory, int number, CountDownLatch ready, CountDownLatch start, long nanos) {
            this.clientFactory = clientFactory;
            this.number = number;
            this.ready = ready;
            this.start = start;
            this.nanos = nanos;
            this.thread = new Thread(this, "load-client-" + number);
        }

        @Override
        public void run() {
            Client client;
            try {
                client = clientFactory.apply(number);
            } catch (RuntimeException e) {
                setupFailure = e;
                ready.countDown();
                return;
            }
            try (client) {
                ready.countDown();
                start.await();
                long end = System.nanoTime() + nanos;
                long now = System.nanoTime();
                while (now < end) {
                    boolean ok;
                    try {
                        ok = client.call();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        ok = false;
                    }
                    long after = System.nanoTime();
                    if (ok) {
                        succeeded++;
                        latencies.recordValue(after - now);
                    } else {
                        failed++;
                    }
                    now = after;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
