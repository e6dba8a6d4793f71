package kz.qorgau.infrastructure.process;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service running as its own JVM process, as in production, with its output in a log file. The
 * launcher runs every service this way; fault tests use it to kill a service (SIGKILL) mid-stream.
 */
public final class JavaServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Path logFile;
    private final Process process;

    private JavaServiceProcess(String name, Path logFile, Process process) {
        this.name = name;
        this.logFile = logFile;
        this.process = process;
    }

    /**
     * Starts {@code java <jvmOptions> -jar <jar>} with the given environment added to this JVM's,
     * appending its output to {@code logFile}. The JVM is the one running this code.
     */
    public static JavaServiceProcess start(
            String name, Path jar, List<String> jvmOptions, Map<String, String> environment, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return launch(name, command, environment, logFile);
    }

    /**
     * As {@link #start}, with {@code extraClasspath} (folders or jars) added to the packaged
     * application's classpath through Spring Boot's {@code PropertiesLauncher} and its {@code
     * loader.path}: fault tests put test-only hooks (a Kafka interceptor, say) into the real jar's
     * process this way.
     */
    public static JavaServiceProcess startWithExtraClasspath(
            String name,
            Path jar,
            List<Path> extraClasspath,
            List<String> jvmOptions,
            Map<String, String> environment,
            Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-Dloader.path="
                + String.join(
                        ",",
                        extraClasspath.stream()
                                .map(path -> path.toAbsolutePath().toString())
                                .toList()));
        command.add("-cp");
        command.add(jar.toString());
        command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        return launch(name, command, environment, logFile);
    }

    /**
     * Starts {@code mainClass} of {@code classpath} as its own JVM. When the classpath is one Spring Boot
     * runnable jar, its {@code PropertiesLauncher} starts the class ({@code loader.main}), so a jar's
     * second application (the bench's trivial endpoint, say) runs as packaged.
     */
    public static JavaServiceProcess startMain(
            String name,
            String classpath,
            String mainClass,
            List<String> jvmOptions,
            List<String> arguments,
            Map<String, String> environment,
            Path logFile) {
        return launch(name, mainCommand(java(), classpath, mainClass, jvmOptions, arguments), environment, logFile);
    }

    static List<String> mainCommand(
            String java, String classpath, String mainClass, List<String> jvmOptions, List<String> arguments) {
        boolean runnableJar = classpath.endsWith(".jar") && !classpath.contains(File.pathSeparator);
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        if (runnableJar) {
            command.add("-Dloader.main=" + mainClass);
        }
        command.add("-cp");
        command.add(classpath);
        command.add(runnableJar ? "org.springframework.boot.loader.launch.PropertiesLauncher" : mainClass);
        command.addAll(arguments);
        return command;
    }

    /** The java command the services are started with: this JVM's own. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static JavaServiceProcess launch(
            String name, List<String> command, Map<String, String> environment, Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            return new JavaServiceProcess(name, logFile, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Waits until {@code healthUrl} answers 200 with status UP.
     *
     * @throws ServiceStartException when the process exits or the time runs out
     */
    public void awaitHealthy(URI healthUrl, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(healthUrl)
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        while (true) {
            if (!process.isAlive()) {
                throw new ServiceStartException(name + " exited with code " + process.exitValue(), this);
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
                throw new ServiceStartException(name + ": interrupted while starting", this);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ServiceStartException(name + " was not healthy after " + timeout.toSeconds() + " s", this);
            }
            pause();
        }
    }

    /** The last lines of the log, for the report of a failed start. */
    public List<String> logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Graceful stop: SIGTERM (Spring's graceful shutdown), forced after a grace period of 30 s. */
    public void stop() {
        stop(STOP_GRACE);
    }

    /** Graceful stop: SIGTERM, forced after {@code grace}. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        awaitExit(grace);
    }

    /**
     * SIGSTOP, like {@code kill -STOP}: the process is frozen, its threads and timers with it, while
     * its kernel keeps its TCP connections open (and answers keepalives), as for a host that hangs.
     */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT: a frozen process resumes where it stopped, unaware of the time that passed. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not signal " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling " + name, e);
        }
    }

    /** SIGKILL, like {@code kill -9}: no shutdown hook, no graceful anything. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A service that did not come up, with the process to take the log tail from. */
    public static final class ServiceStartException extends RuntimeException {
        private final transient JavaServiceProcess service;

        ServiceStartException(String message, JavaServiceProcess service) {
            super(message);
            this.service = service;
        }

        public JavaServiceProcess service() {
            return service;
        }
    }
}
