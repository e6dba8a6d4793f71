package kz.qorgau.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import kz.qorgau.infrastructure.InfraEnvironment;
import kz.qorgau.infrastructure.process.JavaServiceProcess;

/**
 * {@code ./qorgau-local}: starts the whole system on this machine, prints every address, and
 * stops everything on Ctrl-C.
 */
public final class QorgauLocal {

    /** Printed once every service is healthy; the launcher test waits for it. */
    public static final String READY_LINE = "Qorgau local stack is up";

    private QorgauLocal() {}

    public static void main(String[] args) throws InterruptedException {
        Instant begin = Instant.now();
        LocalStackSettings settings;
        try {
            settings = LocalStackSettings.from(InfraEnvironment.system());
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(settings, InfraEnvironment.system());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping Qorgau…");
                            stack.close();
                            System.out.println("Stopped.");
                            stopped.countDown();
                        },
                        "qorgau-local-stop"));
        try {
            stack.start();
        } catch (JavaServiceProcess.ServiceStartException e) {
            System.err.println("Qorgau did not start: " + e.getMessage() + ". Last lines of "
                    + e.service().logFile() + ":");
            e.service().logTail(40).forEach(line -> System.err.println("  | " + line));
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("Qorgau did not start: " + e.getMessage());
            System.exit(1);
        }
        Duration took = Duration.between(begin, Instant.now());
        System.out.printf("%s in %.1f s. Press Ctrl-C to stop.%n", READY_LINE, took.toMillis() / 1000.0);
        stack.describe().forEach(line -> System.out.println("  " + line));
        System.out.flush();
        stopped.await();
    }
}
