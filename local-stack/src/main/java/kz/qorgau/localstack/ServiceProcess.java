package kz.qorgau.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as its own JVM process, as in production, with its output in a log file. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final ServiceSpec spec;
    private final Path logFile;
    private final Process process;

    private ServiceProcess(ServiceSpec spec, Path logFile, Process process) {
        this.spec = spec;
        this.logFile = logFile;
        this.process = process;
    }

    static ServiceProcess start(
            ServiceSpec spec, Path jar, String javaCommand, String heap, Path logDir, Map<String, String> environment) {
        try {
            Files.createDirectories(logDir);
            Path logFile = logDir.resolve(spec.name() + ".log");
            List<String> command = new ArrayList<>(List.of(
                    javaCommand,
                    "-Xmx" + heap,
                    "-XX:+UseSerialGC",
                    // C1 only: a local stack values start-up time over peak throughput.
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-jar",
                    jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            return new ServiceProcess(spec, logFile, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + spec.name(), e);
        }
    }

    ServiceSpec spec() {
        return spec;
    }

    Path logFile() {
        return logFile;
    }

    /**
     * Waits until the health endpoint answers UP. Fails when the process exits or the time runs out;
     * the caller reports the log tail.
     */
    void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(spec.healthUrl()))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        while (true) {
            if (!process.isAlive()) {
                throw new ServiceStartException(spec.name() + " exited with code " + process.exitValue(), this);
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Still starting.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceStartException(spec.name() + ": interrupted while starting", this);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ServiceStartException(
                        spec.name() + " was not healthy after " + timeout.toSeconds() + " s", this);
            }
            pause();
        }
    }

    /** The last lines of the service's log, for the report of a failed start. */
    List<String> logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Graceful stop (SIGTERM, Spring's graceful shutdown), forced after a grace period. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A service that did not come up, with the process to take the log tail from. */
    static final class ServiceStartException extends RuntimeException {
        private final transient ServiceProcess service;

        ServiceStartException(String message, ServiceProcess service) {
            super(message);
            this.service = service;
        }

        ServiceProcess service() {
            return service;
        }
    }
}
