package kz.qorgau.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.qorgau.infrastructure.InfraEnvironment;
import kz.qorgau.infrastructure.postgres.DatabaseProvisioner;
import kz.qorgau.infrastructure.postgres.PostgresDiscovery;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs ./qorgau-local for a test as README.md says, beside a developer's own stack: its ports moved
 * by an offset, its databases and roles named with a prefix of their own and dropped afterwards.
 */
final class LocalStackLauncher {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path root;
    // Every port below 32768, out of Linux's ephemeral range, where clients' sockets could take it. Failsafe
    // runs the launcher tests side by side in forks: each launcher claims one of OFFSETS slots by a file lock,
    // offsets 300 apart, and no two of a stack's ports are a multiple of 300 apart, so stacks side by side never
    // share a port. The ports the tests draw at random (a cluster's, Prometheus's) come from a band no offset
    // reaches (local-stack/pom.xml; LocalStackSettingsTest checks both).
    private final Slot slot = Slot.claim(locks());
    private final int portOffset = portOffset(slot.number());
    // Databases and roles of its own, dropped afterwards: a developer's local stack keeps its data.
    private final String databasePrefix = "it" + portOffset + "_";
    private final LocalStackSettings settings;
    private final List<Process> launched = new ArrayList<>();

    LocalStackLauncher(Path root) {
        this.root = root;
        this.settings = LocalStackSettings.from(InfraEnvironment.of(Map.of(
                LocalStackSettings.REPOSITORY_ROOT,
                root.toString(),
                LocalStackSettings.DATA_DIR,
                "unused",
                LocalStackSettings.PORT_OFFSET,
                Integer.toString(portOffset),
                LocalStackSettings.DATABASE_PREFIX,
                databasePrefix)));
    }

    /** How many port offsets the tests' stacks claim from: more than the forks that run at once. */
    static final int OFFSETS = 12;

    /** The port offset of slot {@code slot} (0 to {@link #OFFSETS} - 1). */
    static int portOffset(int slot) {
        return 10_000 + 300 * slot;
    }

    /** Where the launchers' locks are: the module's build folder under Maven, the temporary folder elsewhere. */
    private static Path locks() {
        return Path.of(System.getProperty("qorgau.localstack.locks", System.getProperty("java.io.tmpdir")));
    }

    /** A port offset slot held by this launcher, by a lock on its file, until {@link #release}. */
    private record Slot(int number, FileChannel channel, FileLock lock) {

        static Slot claim(Path locks) {
            List<Integer> numbers = new ArrayList<>();
            for (int number = 0; number < OFFSETS; number++) {
                numbers.add(number);
            }
            java.util.Collections.shuffle(numbers);
            for (int number : numbers) {
                try {
                    FileChannel channel = FileChannel.open(
                            locks.resolve("local-stack-slot-" + number + ".lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    FileLock lock = channel.tryLock();
                    if (lock != null) {
                        return new Slot(number, channel, lock);
                    }
                    channel.close();
                } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
                    // Held by a launcher of this JVM, or not lockable: try the next.
                }
            }
            throw new IllegalStateException("All " + OFFSETS + " port offsets are held by running launcher tests");
        }

        void release() {
            try (FileChannel closing = channel) {
                lock.release();
            } catch (IOException e) {
                // Closing the channel releases it anyway.
            }
        }
    }

    LocalStackSettings settings() {
        return settings;
    }

    /**
     * Starts ./qorgau-local with its data in {@code dataDir/stack} and its output in {@code
     * dataDir/<run>.out}, and waits until it says it is up. {@code environment} comes on top of the
     * defaults (the local issuer, whatever the developer's shell says).
     */
    Process launch(Path dataDir, String run, Map<String, String> environment) throws IOException {
        // Stacks run side by side (one per failsafe fork), but start one at a time: five JVMs starting on two
        // cores are all a start can use, and three starts at once miss the launcher's 90 s health wait.
        Path lockFile = locks().resolve("local-stack-start.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            return launchAlone(dataDir, run, environment);
        }
    }

    private Process launchAlone(Path dataDir, String run, Map<String, String> environment) throws IOException {
        Path output = dataDir.resolve(run + ".out");
        ProcessBuilder builder = new ProcessBuilder(root.resolve("qorgau-local").toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment()
                .put(LocalStackSettings.DATA_DIR, dataDir.resolve("stack").toString());
        builder.environment().put(LocalStackSettings.PORT_OFFSET, Integer.toString(portOffset));
        builder.environment().put(LocalStackSettings.DATABASE_PREFIX, databasePrefix);
        // The defaults, whatever the developer's shell says: the local issuer, and the services trust it.
        builder.environment().remove(LocalStackSettings.WITH_IDENTITY);
        builder.environment().remove(LocalStackSettings.OIDC_ISSUER_URI);
        builder.environment().remove(LocalStackSettings.OIDC_JWK_SET_URI);
        builder.environment().remove(LocalStackSettings.OIDC_AUDIENCE);
        builder.environment().putAll(environment);
        Process process = builder.start();
        launched.add(process);
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    String printed = read(output);
                    if (!process.isAlive() && !printed.contains(QorgauLocal.READY_LINE)) {
                        throw new AssertionError("./qorgau-local exited with " + process.exitValue() + ":\n" + printed);
                    }
                    return printed.contains(QorgauLocal.READY_LINE);
                });
        System.out.println(read(output));
        return process;
    }

    void everyServiceIsHealthy() throws Exception {
        for (ServiceSpec service : settings.services()) {
            HttpResponse<String> health = http(HttpRequest.newBuilder(URI.create(service.healthUrl())));
            assertThat(health.statusCode()).as(service.name() + " health").isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        }
    }

    /** The token lines the launcher prints work, for every demo persona: its access token by client id. */
    Map<String, String> everyPersonaGetsAToken() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (DemoPersona persona : DemoPersona.ALL) {
            String basic = Base64.getEncoder()
                    .encodeToString((persona.clientId() + ":" + persona.secret()).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> token =
                    http(HttpRequest.newBuilder(URI.create(settings.localIssuer() + "/oauth2/token"))
                            .header("Authorization", "Basic " + basic)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
            assertThat(token.statusCode()).as(persona.clientId() + " token").isEqualTo(200);
            String accessToken = JSON.readTree(token.body()).get("access_token").asString();
            assertThat(accessToken).isNotBlank();
            tokens.put(persona.clientId(), accessToken);
        }
        return tokens;
    }

    /** The launched service of this name, on the launcher's ports. */
    ServiceSpec service(String name) {
        return settings.services().stream()
                .filter(spec -> spec.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** The order's audit entries, as the auditor reads them. */
    List<JsonNode> auditEntriesOf(String orderId, Map<String, String> tokens) throws Exception {
        HttpResponse<String> page = http(
                as(tokens, "auditor", get(service("audit-service").apiUrl() + "/audit/entries?subject=" + orderId)));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        JSON.readTree(page.body()).get("entries").forEach(entries::add);
        return entries;
    }

    /** Ctrl-C: the launcher stops every service and the broker, then exits. */
    void stop(Process launcher) throws InterruptedException {
        List<ProcessHandle> children = launcher.descendants().toList();
        assertThat(children).as("services and broker run as child processes").hasSizeGreaterThanOrEqualTo(4);
        launcher.destroy();
        // Each service may take up to LocalStack.ARCHIVE_STOP_GRACE when it writes its class-data archive.
        assertThat(launcher.waitFor(5, TimeUnit.MINUTES)).as("launcher stopped").isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
    }

    /** After the test, pass or fail: no process left, the test's databases and roles dropped. */
    void stopWhateverIsLeftAndDropTheDatabases() {
        try {
            stopAndDrop();
        } finally {
            slot.release();
        }
    }

    private void stopAndDrop() {
        launched.forEach(process -> process.descendants().forEach(ProcessHandle::destroyForcibly));
        launched.forEach(Process::destroyForcibly);
        var databases = new DatabaseProvisioner(PostgresDiscovery.discover(InfraEnvironment.system(), () -> false));
        for (ServiceSpec service :
                settings.services().stream().filter(ServiceSpec::hasDatabase).toList()) {
            databases.drop(service.database());
            if (service.runtimeRole() != null) {
                databases.dropRole(service.runtimeRole());
            }
            databases.dropRole(service.database());
        }
    }

    /** The duty unit of the walk-through order's district, as the launcher configures notification-service. */
    static final String WALK_THROUGH_DUTY_UNIT = "duty.almaty-bostandyk@police.example.kz";

    /**
     * The order of README.md's walk-through, exactly as a reader copies it ({@code cat > order.json}),
     * so that the two cannot drift apart.
     */
    static String walkThroughOrder(Path root) throws IOException {
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        String start = "cat > order.json <<'JSON'\n";
        int from = readme.indexOf(start);
        assertThat(from).as("README.md writes order.json").isNotNegative();
        int to = readme.indexOf("\nJSON\n", from);
        return readme.substring(from + start.length(), to + 1);
    }

    static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url));
    }

    static HttpRequest.Builder post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    /** The request with the persona's bearer token. */
    static HttpRequest.Builder as(Map<String, String> tokens, String persona, HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + tokens.get(persona));
    }

    static HttpResponse<String> http(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
