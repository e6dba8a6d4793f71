package kz.qorgau.testsupport.instances;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.qorgau.infrastructure.PortAllocator;
import kz.qorgau.infrastructure.process.JavaServiceProcess;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's runnable jar as a child process of the test, for fault tests that freeze (SIGSTOP), resume
 * or kill it: its settings as {@code SPRING_APPLICATION_JSON}, fresh ports, the public demo keys on (as in
 * every test), a small JVM, a log file kept under {@code target/}, and what such tests read from outside
 * (its Prometheus scrape, its process state, its log).
 */
public final class ChildService {

    /** Start-up matters more than speed: C1 only, a small serial heap. */
    public static final List<String> SMALL_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final JavaServiceProcess process;
    private final int port;
    private final int managementPort;

    private ChildService(JavaServiceProcess process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Starts {@code target/<artifact>-*-exec.jar} with {@code settings} (Spring properties) and waits until
     * its health answers UP.
     *
     * @param extraClasspath folders added to the jar's classpath (test hooks), none for the jar alone
     * @param jvmOptions added after {@link #SMALL_JVM}
     */
    public static ChildService start(
            String name,
            String artifact,
            Map<String, Object> settings,
            List<Path> extraClasspath,
            List<String> jvmOptions,
            Path logFile,
            Duration startTimeout) {
        int port = PortAllocator.freePort();
        int managementPort = PortAllocator.freePort();
        Map<String, Object> all = new LinkedHashMap<>(settings);
        all.put("server.port", port);
        all.put("management.server.port", managementPort);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_APPLICATION_JSON", JsonMapper.builder().build().writeValueAsString(all));
        environment.put("QORGAU_LOCAL_DEMO_KEYS", "true");
        List<String> options = new ArrayList<>(SMALL_JVM);
        options.addAll(jvmOptions);
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path jar = execJar(artifact);
        JavaServiceProcess process = extraClasspath.isEmpty()
                ? JavaServiceProcess.start(name, jar, options, environment, logFile)
                : JavaServiceProcess.startWithExtraClasspath(name, jar, extraClasspath, options, environment, logFile);
        try {
            process.awaitHealthy(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"), startTimeout);
        } catch (RuntimeException e) {
            process.kill();
            throw new AssertionError(name + " did not start:\n" + String.join("\n", process.logTail(80)), e);
        }
        return new ChildService(process, port, managementPort);
    }

    /** {@code target/<artifact>-*-exec.jar} of the module under test, as {@code mvn package} leaves it. */
    public static Path execJar(String artifact) {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), artifact + "-*-exec.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(
                "No target/" + artifact + "-*-exec.jar: run this test with mvn verify (after package)");
    }

    public JavaServiceProcess process() {
        return process;
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    /** SIGSTOP: the process keeps its sockets but does nothing, as a long GC pause or a frozen VM would. */
    public void freeze() {
        process.freeze();
    }

    public void resume() {
        process.resume();
    }

    public void kill() {
        process.kill();
    }

    /**
     * The sum of a metric's series in its Prometheus scrape (Prometheus names: {@code audit_writer_leader},
     * {@code x_total}); -1 when it does not answer, as while it is frozen.
     */
    public double metric(String prometheusName) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body()
                    .lines()
                    .filter(line -> line.startsWith(prometheusName + "{") || line.startsWith(prometheusName + " "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Whether the process is stopped by a signal (state T in /proc): the freeze has taken effect. */
    public boolean isStopped() {
        try {
            String stat =
                    Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.UTF_8);
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("T");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its log so far. */
    public String log() {
        try {
            return Files.readString(process.logFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
