package kz.qorgau.bench;

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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qorgau.bench.endtoend.SmsSink;
import kz.qorgau.bench.endtoend.SmtpSink;
import kz.qorgau.infrastructure.process.JavaServiceProcess;

/**
 * The whole system as {@code ./qorgau-local} runs it (token issuer, broker, SMTP inbox, the three
 * services, each its own process with the launcher's JVM options), on ports moved by {@link #PORT_OFFSET}
 * and with databases of its own ({@code qorgau_bench_qorgau_*}), dropped first so every run starts empty.
 * The write limit is raised for the load's caller, as the issue asks.
 */
final class LocalStackUnderTest implements AutoCloseable {

    /** Clear of a developer's own stack (offset 0) and of the launcher test's. */
    static final int PORT_OFFSET = 400;

    static final String DATABASE_PREFIX = BenchContext.DATABASE_PREFIX;

    /** The databases the launcher makes with that prefix (LocalStackSettings#services). */
    static final List<String> DATABASES = List.of("qorgau_order", "qorgau_notification", "qorgau_audit");

    static final String READY_LINE = "Qorgau local stack is up";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final JavaServiceProcess launcher;
    private final Path dataDir;
    /** Services started again by the bench, outside the launcher: stopped with the stack. */
    private final List<ProcessHandle> restarted = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Ctrl-C on the bench stops the stack too. */
    private final Thread stopOnExit;
    /** Autovacuum's ANALYZE, where the server has it off; set once the databases exist. */
    private AutoAnalyze statistics;

    private LocalStackUnderTest(JavaServiceProcess launcher, Path dataDir) {
        this.launcher = launcher;
        this.dataDir = dataDir;
        this.stopOnExit = new Thread(this::stop, "bench-stack-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    static LocalStackUnderTest start(BenchContext context) throws IOException {
        return start(context, Map.of());
    }

    /** As {@link #start(BenchContext)}, with more of the launcher's variables (QORGAU_SMTP_HOST, say). */
    static LocalStackUnderTest start(BenchContext context, Map<String, String> more) throws IOException {
        return start(context, more, DATABASE_PREFIX, true);
    }

    /**
     * As {@link #start(BenchContext)}, on databases named with {@code prefix} that are kept between runs
     * (a large data set, built once).
     */
    static LocalStackUnderTest startKept(BenchContext context, String prefix, Map<String, String> more)
            throws IOException {
        return start(context, more, prefix, false);
    }

    /**
     * The launcher's variables that send the stack's e-mail and SMS to the bench's own light peers instead of the
     * launcher's GreenMail and WireMock, whose CPU would count as the stack's (0.1 of a core under load).
     */
    static Map<String, String> benchPeers(SmtpSink mail, SmsSink sms) {
        return Map.of(
                "QORGAU_SMTP_HOST", "127.0.0.1",
                "QORGAU_SMTP_PORT", Integer.toString(mail.port()),
                "QORGAU_SMS_GATEWAY_URL", sms.url());
    }

    private static LocalStackUnderTest start(
            BenchContext context, Map<String, String> more, String prefix, boolean empty) throws IOException {
        Path root = repositoryRoot();
        if (empty) {
            for (String database : DATABASES) {
                context.databases().drop(prefix + database);
            }
        }
        // The broker's log too: every start of a run begins with an empty system.
        Path dataDir = context.workDir().resolve("stack");
        if (Files.exists(dataDir)) {
            Bench.deleteRecursively(dataDir);
        }
        Files.createDirectories(dataDir);
        Path jar = runnableJar(root, "local-stack");
        Map<String, String> environment = new HashMap<>();
        environment.put("QORGAU_REPOSITORY_ROOT", root.toString());
        environment.put("QORGAU_DATA_DIR", dataDir.toString());
        environment.put("QORGAU_LOCAL_PORT_OFFSET", Integer.toString(PORT_OFFSET));
        environment.put("QORGAU_LOCAL_DB_PREFIX", prefix);
        environment.put("QORGAU_LOCAL_IDENTITY", "on");
        environment.put("QORGAU_WRITE_LIMIT_CAPACITY", "100000000");
        // Traces sampled as in production (Boot's default), not every one as on a developer's stack.
        environment.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.1");
        // The system is measured, not its monitoring: no Prometheus beside it.
        environment.put("QORGAU_LOCAL_PROMETHEUS", "off");
        environment.putAll(more);
        // A fresh log: the ready line of an earlier start in the same run must not count.
        Path output = context.workDir().resolve("local-stack.out");
        Files.deleteIfExists(output);
        JavaServiceProcess launcher = JavaServiceProcess.start(
                "local-stack", jar, List.of("-Xmx128m", "-XX:+UseSerialGC"), environment, output);
        LocalStackUnderTest stack = new LocalStackUnderTest(launcher, dataDir);
        try {
            stack.awaitReady(Duration.ofMinutes(3));
            stack.statistics = AutoAnalyze.ifServerDoesNot(
                    context.databases().server(),
                    DATABASES.stream().map(database -> prefix + database).toList());
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        } catch (java.sql.SQLException e) {
            stack.close();
            throw new IOException("Could not read the database server's autovacuum setting", e);
        }
        return stack;
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            String printed;
            try {
                printed = Files.readString(launcher.logFile(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                printed = "";
            }
            if (printed.contains(READY_LINE)) {
                return;
            }
            if (!launcher.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The local stack did not start; see " + launcher.logFile() + ":\n"
                        + String.join("\n", launcher.logTail(30)));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the local stack started", e);
            }
        }
    }

    /**
     * Stops one of the stack's services (SIGTERM, as an operator would) and returns what restarts it as it
     * was: the same command, environment, folder and log.
     */
    StoppedService stopService(String name) throws IOException, InterruptedException {
        ProcessHandle service = processes().stream()
                .filter(process -> ProcessFootprint.of(process)
                        .map(footprint -> footprint.name().equals(name))
                        .orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + name + " in the stack"));
        Path proc = Path.of("/proc", Long.toString(service.pid()));
        String[] commandLine =
                new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).split("\0");
        Map<String, String> environment = new HashMap<>();
        for (String variable :
                new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8).split("\0")) {
            int equals = variable.indexOf('=');
            if (equals > 0) {
                environment.put(variable.substring(0, equals), variable.substring(equals + 1));
            }
        }
        Path folder = Files.readSymbolicLink(proc.resolve("cwd"));
        service.destroy();
        service.onExit().join();
        return new StoppedService(
                name,
                List.of(commandLine),
                environment,
                folder,
                dataDir.resolve("logs").resolve(name + ".log"));
    }

    /** A service {@link #stopService} stopped, ready to start again; the stack stops it at the end. */
    final class StoppedService {
        private final String name;
        private final List<String> command;
        private final Map<String, String> environment;
        private final Path folder;
        private final Path log;

        StoppedService(String name, List<String> command, Map<String, String> environment, Path folder, Path log) {
            this.name = name;
            this.command = command;
            this.environment = environment;
            this.folder = folder;
            this.log = log;
        }

        void start() throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().clear();
            builder.environment().putAll(environment);
            restarted.add(builder.start().toHandle());
        }

        String name() {
            return name;
        }
    }

    /** How long the launcher took to make the stack ready, as it printed it. */
    double startSeconds() throws IOException {
        Matcher matcher = Pattern.compile(READY_LINE + " in ([0-9.]+) s")
                .matcher(Files.readString(launcher.logFile(), StandardCharsets.UTF_8));
        if (!matcher.find()) {
            throw new IllegalStateException("The launcher did not print its start-up time");
        }
        return Double.parseDouble(matcher.group(1));
    }

    /** The launcher and every process it started, alive now. */
    List<ProcessHandle> processes() {
        return ProcessHandle.of(launcher.pid())
                .map(handle -> java.util.stream.Stream.concat(java.util.stream.Stream.of(handle), handle.descendants())
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .orElse(List.of());
    }

    /** order-service's API, e.g. {@code http://127.0.0.1:8481/api/v1}. */
    URI orderApi() {
        return URI.create("http://127.0.0.1:" + (8081 + PORT_OFFSET) + "/api/v1");
    }

    /** The stack's broker. */
    String kafkaBootstrap() {
        return "127.0.0.1:" + (19092 + PORT_OFFSET);
    }

    /** A JDBC URL of one of the stack's databases ({@code qorgau_audit}, say), for the server's admin. */
    static String jdbcUrl(BenchContext context, String database) {
        return jdbcUrl(context, DATABASE_PREFIX, database);
    }

    static String jdbcUrl(BenchContext context, String prefix, String database) {
        return context.databases().server().jdbcUrl(prefix + database);
    }

    /** A demo persona's access token (client credentials at the local issuer; lasts 10 minutes). */
    String token(String persona) throws IOException, InterruptedException {
        String basic = Base64.getEncoder()
                .encodeToString((persona + ":" + persona + "-local-only-secret").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + (9000 + PORT_OFFSET) + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No token for " + persona + ": " + response.statusCode());
        }
        return token.group(1);
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("qorgau-local"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run the bench from the Qorgau checkout (./qorgau-bench)");
        }
        return dir;
    }

    static Path runnableJar(Path root, String module) {
        Path target = root.resolve(module).resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No runnable jar of " + module + ": build it with ./mvnw -DskipTests package"));
        } catch (IOException e) {
            throw new UncheckedIOException("No build output in " + target + ": ./mvnw -DskipTests package", e);
        }
    }

    /**
     * SIGTERM, as Ctrl-C: the launcher stops its children one after the other. Under load that can take
     * longer than the launcher's own grace, so whatever child is left is stopped here, by force at last.
     */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // The hook runs already.
        }
        if (statistics != null) {
            statistics.close();
        }
        stop();
    }

    private void stop() {
        List<ProcessHandle> children = new java.util.ArrayList<>(ProcessHandle.of(launcher.pid())
                .map(handle -> handle.descendants().toList())
                .orElse(List.of()));
        children.addAll(restarted);
        launcher.stop();
        children.forEach(ProcessHandle::destroy);
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                child.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                child.destroyForcibly();
            }
        }
    }
}
