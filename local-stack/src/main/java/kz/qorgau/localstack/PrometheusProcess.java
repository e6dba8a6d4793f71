package kz.qorgau.localstack;

import java.io.File;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real Prometheus (Debian's {@code prometheus} package, or any on the PATH) as a child process,
 * scraping the local stack with the project's scrape configuration and alert rules
 * (ops/prometheus): the launcher's, and the dashboard query test's.
 */
final class PrometheusProcess implements AutoCloseable {

    /** The binary looked for on the PATH. */
    static final String BINARY = "prometheus";

    /** How to get it, for the message when it is missing. */
    static final String INSTALL_HINT = "apt-get install --no-install-recommends prometheus";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path logFile;

    private PrometheusProcess(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /** An executable of that name in one of the PATH's folders. */
    static Optional<Path> onPath(String binary) {
        return onPath(binary, System.getenv("PATH"));
    }

    static Optional<Path> onPath(String binary, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, binary);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * ops/prometheus/prometheus.yml for this stack: each service's management port moved by the port
     * offset, the rules read from the checkout, the issuer's job dropped when it does not run, and the
     * scrape interval given.
     */
    static String scrapeConfiguration(LocalStackSettings settings, Duration scrapeInterval) {
        Path ops = settings.repositoryRoot().resolve("ops").resolve("prometheus");
        String config;
        try {
            config = Files.readString(ops.resolve("prometheus.yml"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("No scrape configuration in " + ops, e);
        }
        if (!settings.withIdentity()) {
            config = withoutJob(config, settings.identityServer().name());
        }
        for (ServiceSpec service : settings.services()) {
            int defaultPort = service.managementPort() - settings.portOffset();
            String target = "\"127.0.0.1:" + defaultPort + "\"";
            if (!config.contains(target)) {
                throw new IllegalStateException(
                        ops.resolve("prometheus.yml") + " does not scrape " + service.name() + " at " + target);
            }
            config = config.replace(target, "\"127.0.0.1:" + service.managementPort() + "\"");
        }
        return config.replace("  - alerts.yml", "  - " + ops.resolve("alerts.yml"))
                .replace("scrape_interval: 15s", "scrape_interval: " + scrapeInterval.toSeconds() + "s")
                .replace("evaluation_interval: 15s", "evaluation_interval: " + scrapeInterval.toSeconds() + "s");
    }

    private static String withoutJob(String config, String job) {
        String start = "  - job_name: " + job + "\n";
        int from = config.indexOf(start);
        if (from < 0) {
            return config;
        }
        int next = config.indexOf("  - job_name: ", from + start.length());
        return config.substring(0, from) + (next < 0 ? "" : config.substring(next));
    }

    /**
     * Starts Prometheus on 127.0.0.1:{@code port} with the configuration given, keeping its data and
     * its configuration file in {@code dir}, its output in {@code logFile}; waits until it is ready.
     */
    static PrometheusProcess start(
            Path binary, Path dir, int port, String configuration, Path logFile, Duration timeout) {
        try {
            Files.createDirectories(dir);
            Files.createDirectories(logFile.getParent());
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, configuration, StandardCharsets.UTF_8);
            List<String> command = List.of(
                    binary.toString(),
                    "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("data"),
                    "--storage.tsdb.retention.time=7d",
                    "--web.listen-address=127.0.0.1:" + port,
                    "--web.enable-lifecycle");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            PrometheusProcess prometheus = new PrometheusProcess(process, port, logFile);
            prometheus.awaitReady(timeout);
            return prometheus;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + binary, e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Path logFile() {
        return logFile;
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(url().resolve("/-/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Prometheus exited with code " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Still starting.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while Prometheus started", e);
            }
            if (Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException(
                        "Prometheus was not ready after " + timeout.toSeconds() + " s; see " + logFile);
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    /** SIGTERM, so that it closes its database cleanly; forced after 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
