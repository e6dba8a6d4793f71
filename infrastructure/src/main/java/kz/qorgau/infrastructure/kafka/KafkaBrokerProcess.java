package kz.qorgau.infrastructure.kafka;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import kz.qorgau.infrastructure.InfrastructureException;
import kz.qorgau.infrastructure.PortAllocator;
import kz.qorgau.infrastructure.Source;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker (KRaft combined mode: broker and controller in one node) run from Kafka's own server
 * classes as a child JVM, on a fixed port with a persistent data folder, so that it can be stopped, killed
 * and started again like a real broker and keeps its topics and records.
 *
 * <p>The data folder holds:
 *
 * <ul>
 *   <li>{@code kraft-combined-logs/}: Kafka's log and metadata folder (with {@code meta.properties});
 *   <li>{@code cluster.id}: the cluster id given to Kafka's storage tool when it formatted the folder;
 *   <li>{@code server.properties} and {@code log4j2.xml}: written at each start;
 *   <li>{@code broker.log}: the broker's output (quiet: warnings, errors and a start line), appended;
 *   <li>{@code launcher/}: the small main class that stops the broker when this JVM is gone.
 * </ul>
 *
 * <p>The child JVM runs {@code BrokerChildMain <this pid> kafka.Kafka server.properties}: it watches this
 * JVM and shuts the broker down (gracefully) if this JVM dies without running its shutdown hooks. When this
 * JVM exits normally, a shutdown hook stops the broker. Not thread-safe beyond its synchronized methods.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    public static final String DEFAULT_MAX_HEAP = "512m";
    public static final int DEFAULT_PORT = 9092;
    public static final String HOST = "127.0.0.1";

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerProcess.class);
    private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]?");
    private static final String KAFKA_MAIN = "kafka.Kafka";
    private static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    private static final int LOG_TAIL_LINES = 40;

    private final Path dataDir;
    private final Path kafkaLogDir;
    private final Path logFile;
    private final int port;
    private final int controllerPort;
    private final int nodeId;
    private final String quorumVoters;
    private final String clusterId;
    private final int replicationFactor;
    private final int minInsyncReplicas;
    private final String maxHeap;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private final Map<String, String> extraProperties;
    private final List<String> extraJvmOptions;
    private final boolean stopWithJvm;
    private final String logLevel;

    private volatile Process process;
    private Thread shutdownHook;

    private KafkaBrokerProcess(Builder builder) {
        this.dataDir = builder.dataDir.toAbsolutePath().normalize();
        this.kafkaLogDir = dataDir.resolve("kraft-combined-logs");
        this.logFile = dataDir.resolve("broker.log");
        this.port = builder.port;
        this.controllerPort = builder.controllerPort > 0 ? builder.controllerPort : builder.port + 1;
        if (controllerPort > 65535) {
            throw new IllegalArgumentException("Set a controller port: port + 1 is not a valid port");
        }
        this.nodeId = builder.nodeId;
        this.quorumVoters =
                builder.quorumVoters != null ? builder.quorumVoters : nodeId + "@" + HOST + ":" + controllerPort;
        this.clusterId = builder.clusterId;
        this.replicationFactor = builder.replicationFactor;
        this.minInsyncReplicas = builder.minInsyncReplicas;
        this.maxHeap = builder.maxHeap;
        this.startTimeout = builder.startTimeout;
        this.stopTimeout = builder.stopTimeout;
        this.extraProperties = Map.copyOf(builder.extraProperties);
        this.extraJvmOptions = List.copyOf(builder.extraJvmOptions);
        this.stopWithJvm = builder.stopWithJvm;
        this.logLevel = builder.logLevel;
        if (port == controllerPort) {
            throw new IllegalArgumentException("The broker port and the controller port must differ: " + port);
        }
    }

    /** A builder for a broker whose data (topics, records, cluster id) lives in {@code dataDir}. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /**
     * Formats the data folder if it has no {@code meta.properties} yet, starts the broker and waits until
     * an admin client's {@code describeCluster} answers.
     *
     * @throws InfrastructureException if a port is taken, or the broker exits or does not answer in time
     *     (the message then ends with the tail of {@link #logFile()})
     */
    public synchronized KafkaBrokerProcess start() {
        if (isRunning()) {
            throw new IllegalStateException("The Kafka broker on " + bootstrapServers() + " is already running.");
        }
        checkPortFree(port, "port");
        checkPortFree(controllerPort, "controller port");
        List<Path> jars = BrokerClasspath.jars();
        long started = System.nanoTime();
        try {
            Files.createDirectories(kafkaLogDir);
            Path properties = writeServerProperties();
            Path log4jConfig = writeLog4jConfig();
            long logOffset = appendToLog("==== " + Instant.now() + " starting Kafka broker on " + bootstrapServers());
            if (!Files.exists(kafkaLogDir.resolve("meta.properties"))) {
                format(jars, properties, log4jConfig, logOffset);
            }
            List<String> command = new ArrayList<>(jvmCommand(log4jConfig, maxHeap));
            command.addAll(extraJvmOptions);
            Path launcher = null;
            if (stopWithJvm) {
                launcher = installLauncher();
                command.add(BrokerChildMain.class.getName());
                command.add(Long.toString(ProcessHandle.current().pid()));
            }
            command.add(KAFKA_MAIN);
            command.add(properties.toString());
            Process child = launch(command, classpath(launcher, jars));
            process = child;
            if (stopWithJvm) {
                registerShutdownHook();
            }
            awaitReady(child, logOffset);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Kafka broker in " + dataDir, e);
        }
        log.info(
                "Kafka broker ready on {} in {} ms (pid {}, data {})",
                bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000,
                process.pid(),
                dataDir);
        return this;
    }

    /**
     * Stops the broker gracefully (SIGTERM, so Kafka runs its controlled shutdown and flushes its logs),
     * waits for it to exit, and kills it if it has not exited within the stop timeout. Does nothing when
     * the broker is not running.
     */
    public synchronized void stop() {
        Process child = process;
        if (child == null) {
            return;
        }
        boolean wasAlive = child.isAlive();
        terminate(child, stopTimeout);
        removeShutdownHook();
        if (wasAlive) {
            noteInLog("stopped (" + exitOf(child) + ")");
        }
    }

    /** Kills the broker at once (SIGKILL, like {@code kill -9}), for fault tests, and waits for it to exit. */
    public synchronized void kill() {
        Process child = process;
        if (child == null) {
            return;
        }
        boolean wasAlive = child.isAlive();
        child.destroyForcibly();
        waitQuietly(child, Duration.ofSeconds(30));
        removeShutdownHook();
        if (wasAlive) {
            noteInLog("killed");
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        Process child = process;
        return child != null && child.isAlive();
    }

    /** {@code 127.0.0.1:<port>}, the only listener for clients. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** This broker as a discovery result ({@link Source#CHILD_PROCESS}). */
    public KafkaEndpoint endpoint() {
        return new KafkaEndpoint(bootstrapServers(), Source.CHILD_PROCESS);
    }

    public int port() {
        return port;
    }

    /** The KRaft {@code node.id} (1 unless set). */
    public int nodeId() {
        return nodeId;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The broker's output (stdout and stderr, appended across starts). */
    public Path logFile() {
        return logFile;
    }

    /** The pid of the running broker process, or empty when it is not running. */
    public OptionalLong pid() {
        Process child = process;
        return child != null && child.isAlive() ? OptionalLong.of(child.pid()) : OptionalLong.empty();
    }

    /** The cluster id stored in the data folder, or null before the first start formatted it. */
    public String clusterId() {
        Path meta = kafkaLogDir.resolve("meta.properties");
        if (!Files.exists(meta)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("cluster.id");
    }

    @Override
    public String toString() {
        return "KafkaBrokerProcess[" + bootstrapServers() + ", controller " + HOST + ":" + controllerPort + ", "
                + dataDir + (isRunning() ? ", running" : ", stopped") + "]";
    }

    // ---------------------------------------------------------------------------------------------

    private void checkPortFree(int candidate, String what) {
        if (!PortAllocator.isFree(candidate)) {
            throw new InfrastructureException("Cannot start the Kafka broker because its " + what + " " + candidate
                    + " on " + HOST + " is already in use, perhaps by a broker left running by an earlier run"
                    + " (look for it with: ps aux | grep kafka.Kafka) or by another program.");
        }
    }

    /**
     * The broker's configuration: a KRaft node (alone by default, or one voter of a static quorum),
     * listeners on 127.0.0.1 only, small settings.
     */
    Map<String, String> serverProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", quorumVoters);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", kafkaLogDir.toString());
        // The same for the topics the services create with the broker's defaults and for the internal
        // ones (offsets, transactions, share groups): 1 and 1 alone, 3 and 2 in a cluster of three.
        String factor = Integer.toString(replicationFactor);
        String minInsync = Integer.toString(minInsyncReplicas);
        p.put("offsets.topic.replication.factor", factor);
        p.put("transaction.state.log.replication.factor", factor);
        p.put("transaction.state.log.min.isr", minInsync);
        p.put("share.coordinator.state.topic.replication.factor", factor);
        p.put("share.coordinator.state.topic.min.isr", minInsync);
        p.put("default.replication.factor", factor);
        p.put("min.insync.replicas", minInsync);
        // Topics are declared by their owners, never created by a typo.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "6");
        p.put("group.initial.rebalance.delay.ms", "0");
        // After a kill the controller keeps the dead broker's session until it times out (default 9 s) and
        // only then lets the restarted broker in; a shorter session makes a restart after a crash quicker.
        p.put("broker.session.timeout.ms", "4000");
        p.put("broker.heartbeat.interval.ms", "500");
        // Small: fewer internal partitions (faster first consumer group / transaction), threads and buffers.
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        p.put("log.index.size.max.bytes", Integer.toString(1024 * 1024));
        p.putAll(extraProperties);
        return p;
    }

    private Path writeServerProperties() throws IOException {
        StringBuilder text = new StringBuilder("# Written by " + KafkaBrokerProcess.class.getName()
                + " at each start; edit the builder, not this file.\n");
        serverProperties().forEach((key, value) -> text.append(key)
                .append('=')
                .append(value.replace("\\", "\\\\"))
                .append('\n'));
        Path file = dataDir.resolve("server.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path writeLog4jConfig() throws IOException {
        String xml =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by KafkaBrokerProcess. The broker's stdout goes to broker.log. Quiet by default: warnings and
                     errors, plus the line that says the server started. -->
                <Configuration status="ERROR" shutdownHook="disable">
                  <Appenders>
                    <Console name="STDOUT" target="SYSTEM_OUT">
                      <PatternLayout pattern="%d{ISO8601} %-5p [%c{1}] %m%n"/>
                    </Console>
                  </Appenders>
                  <Loggers>
                    <Logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                    <Logger name="state.change.logger" level="ERROR"/>
                    <Logger name="org.apache.kafka.clients.NetworkClient" level="ERROR"/>
                    <Root level="ROOT_LEVEL">
                      <AppenderRef ref="STDOUT"/>
                    </Root>
                  </Loggers>
                </Configuration>
                """
                        .replace("ROOT_LEVEL", logLevel);
        Path file = dataDir.resolve("log4j2.xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> jvmCommand(Path log4jConfig, String heap) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xms64m");
        command.add("-Xmx" + heap);
        // One small node on small machines: the serial collector, and the C1 compiler only, which starts
        // about a third faster; a later jvmOption("-XX:TieredStopAtLevel=4") turns C2 back on.
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Djava.awt.headless=true");
        if (Runtime.version().feature() >= 23) {
            // Kafka's clients call sun.misc.Unsafe::invokeCleaner; JDK 24+ warns about it on stderr.
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-Dlog4j2.configurationFile=" + log4jConfig.toUri());
        command.add("-Dlog4j2.shutdownHookEnabled=false");
        command.add("-Dkafka.logs.dir=" + log4jConfig.getParent());
        // Names the data folder on the command line, so that ps shows which broker a process is.
        command.add("-Dqorgau.kafka.data=" + log4jConfig.getParent());
        return command;
    }

    /**
     * Starts a child JVM with its output appended to the log file. The classpath goes in the CLASSPATH
     * variable, not on the command line, so that the command line stays short and readable in {@code ps}.
     */
    private Process launch(List<String> command, String classpath) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("CLASSPATH", classpath);
        // Options meant for this JVM (a debugger or coverage agent, for example) must not reach the broker.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        return builder.start();
    }

    private static String javaExecutable() {
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java")
                .toString();
    }

    private static String classpath(Path launcherDir, Collection<Path> jars) {
        List<String> entries = new ArrayList<>();
        if (launcherDir != null) {
            entries.add(launcherDir.toString());
        }
        jars.forEach(jar -> entries.add(jar.toString()));
        return String.join(File.pathSeparator, entries);
    }

    /** Copies {@link BrokerChildMain}'s class file into {@code launcher/} (works from any jar, even nested). */
    private Path installLauncher() throws IOException {
        Path launcherDir = dataDir.resolve("launcher");
        String resource = BrokerChildMain.class.getSimpleName() + ".class";
        Path target = launcherDir.resolve(BrokerChildMain.class.getName().replace('.', '/') + ".class");
        Files.createDirectories(target.getParent());
        try (InputStream in = BrokerChildMain.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Class file " + resource + " not found next to BrokerChildMain");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return launcherDir;
    }

    /** Formats the log folder with Kafka's own storage tool, keeping the cluster id in {@code cluster.id}. */
    private void format(List<Path> jars, Path properties, Path log4jConfig, long logOffset) throws IOException {
        Path clusterIdFile = dataDir.resolve("cluster.id");
        String clusterId;
        if (this.clusterId != null) {
            // Every node of a cluster formats with the one id the cluster was given.
            clusterId = this.clusterId;
            Files.writeString(clusterIdFile, clusterId + "\n", StandardCharsets.UTF_8);
        } else if (Files.exists(clusterIdFile)) {
            clusterId = Files.readString(clusterIdFile, StandardCharsets.UTF_8).strip();
        } else {
            clusterId = Uuid.randomUuid().toString();
            Files.writeString(clusterIdFile, clusterId + "\n", StandardCharsets.UTF_8);
        }
        List<String> command = new ArrayList<>(jvmCommand(log4jConfig, "256m"));
        command.addAll(List.of(STORAGE_TOOL, "format", "--cluster-id", clusterId, "--config", properties.toString()));
        Process tool = launch(command, classpath(null, jars));
        boolean exited = waitQuietly(tool, startTimeout);
        if (!exited) {
            tool.destroyForcibly();
            waitQuietly(tool, Duration.ofSeconds(10));
        }
        if (!exited || tool.exitValue() != 0) {
            throw new InfrastructureException("Kafka's storage tool could not format " + kafkaLogDir
                    + (exited ? " (exit code " + tool.exitValue() + ")" : " in " + startTimeout.toSeconds() + " s")
                    + "; the last lines of " + logFile + ":\n" + logTail(logOffset));
        }
        log.info("Formatted {} for cluster {}", kafkaLogDir, clusterId);
    }

    private void awaitReady(Process child, long logOffset) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        // First wait for the port (quietly), then for describeCluster: an admin client logs a warning for
        // each connection refused.
        while (!PortAllocator.isListening(HOST, port, Duration.ofMillis(250))) {
            checkAlive(child, deadline, logOffset, null);
            waitQuietly(child, Duration.ofMillis(100));
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "qorgau-broker-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                Exception last;
                try {
                    Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                            .nodes()
                            .get(4, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                    last = new IllegalStateException("describeCluster returned no nodes");
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failStart(child, "was interrupted while waiting for the broker", logOffset, e);
                    return;
                }
                checkAlive(child, deadline, logOffset, last);
                waitQuietly(child, Duration.ofMillis(100));
            }
        }
    }

    private void checkAlive(Process child, long deadline, long logOffset, Exception last) {
        if (!child.isAlive()) {
            failStart(child, "exited with code " + child.exitValue() + " while starting", logOffset, last);
        }
        if (System.nanoTime() > deadline) {
            failStart(child, "did not answer within " + startTimeout.toSeconds() + " s", logOffset, last);
        }
    }

    private void failStart(Process child, String what, long logOffset, Exception cause) {
        child.destroyForcibly();
        waitQuietly(child, Duration.ofSeconds(10));
        removeShutdownHook();
        throw new InfrastructureException(
                "The Kafka broker on " + bootstrapServers() + " " + what + "; the last lines of " + logFile + ":\n"
                        + logTail(logOffset),
                cause);
    }

    private long appendToLog(String line) throws IOException {
        long offset = Files.exists(logFile) ? Files.size(logFile) : 0;
        Files.writeString(
                logFile,
                line + System.lineSeparator(),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return offset;
    }

    private void noteInLog(String what) {
        try {
            appendToLog("==== " + Instant.now() + " " + what);
        } catch (IOException e) {
            log.debug("Could not write to {}", logFile, e);
        }
    }

    /** The last lines the broker wrote since {@code offset}. */
    String logTail(long offset) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(offset, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
            List<String> lines =
                    new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(could not read " + logFile + ": " + e + ")";
        }
    }

    private void registerShutdownHook() {
        removeShutdownHook();
        Thread hook = new Thread(
                () -> {
                    Process child = process;
                    if (child != null && child.isAlive()) {
                        terminate(child, stopTimeout);
                        noteInLog("stopped by the shutdown hook (" + exitOf(child) + ")");
                    }
                },
                "qorgau-kafka-broker-stop-" + port);
        Runtime.getRuntime().addShutdownHook(hook);
        shutdownHook = hook;
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down; the hook runs or has run.
            }
        }
    }

    private static void terminate(Process child, Duration timeout) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        if (!waitQuietly(child, timeout)) {
            log.warn("Kafka broker (pid {}) did not stop within {} s; killing it", child.pid(), timeout.toSeconds());
            child.destroyForcibly();
            waitQuietly(child, Duration.ofSeconds(30));
        }
    }

    private static String exitOf(Process child) {
        return child.isAlive() ? "still running!" : "exit code " + child.exitValue();
    }

    /** Waits up to {@code timeout} for {@code child} to exit; true when it has exited. */
    private static boolean waitQuietly(Process child, Duration timeout) {
        try {
            return child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !child.isAlive();
        }
    }

    /** Settings of a {@link KafkaBrokerProcess}. */
    public static final class Builder {

        private final Path dataDir;
        private int port = DEFAULT_PORT;
        private int controllerPort;
        private int nodeId = 1;
        private String quorumVoters;
        private String clusterId;
        private int replicationFactor = 1;
        private int minInsyncReplicas = 1;
        private String maxHeap = DEFAULT_MAX_HEAP;
        private Duration startTimeout = Duration.ofSeconds(90);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private final Map<String, String> extraProperties = new LinkedHashMap<>();
        private final List<String> extraJvmOptions = new ArrayList<>();
        private boolean stopWithJvm = true;
        private String logLevel = "WARN";

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        /** The client port on 127.0.0.1 (default {@value KafkaBrokerProcess#DEFAULT_PORT}). */
        public Builder port(int port) {
            this.port = checkPort(port);
            return this;
        }

        /** The controller port on 127.0.0.1 (default: the client port + 1). */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = checkPort(controllerPort);
            return this;
        }

        /** The KRaft {@code node.id} (default 1), unique within a cluster. */
        public Builder nodeId(int nodeId) {
            if (nodeId < 0) {
                throw new IllegalArgumentException("nodeId must not be negative: " + nodeId);
            }
            this.nodeId = nodeId;
            return this;
        }

        /**
         * The static quorum, {@code controller.quorum.voters} ({@code id@host:port,...}; default: this node
         * alone). Every node of a cluster names the same voters (see {@link KafkaClusterProcess}).
         */
        public Builder quorumVoters(String quorumVoters) {
            if (quorumVoters == null || !quorumVoters.matches("\\d+@[^,@]+:\\d+(,\\d+@[^,@]+:\\d+)*")) {
                throw new IllegalArgumentException(
                        "quorumVoters must look like 1@host:port,2@host:port: " + quorumVoters);
            }
            this.quorumVoters = quorumVoters;
            return this;
        }

        /**
         * The cluster id the first start formats the data folder with (default: a random one, kept in {@code
         * cluster.id}); every node of a cluster needs the same.
         */
        public Builder clusterId(String clusterId) {
            this.clusterId = Uuid.fromString(Objects.requireNonNull(clusterId, "clusterId"))
                    .toString();
            return this;
        }

        /**
         * {@code default.replication.factor} and {@code min.insync.replicas} for the topics created with the
         * broker's defaults, and the same for Kafka's internal topics (default 1 and 1, for a broker alone).
         */
        public Builder replication(int factor, int minInsyncReplicas) {
            if (factor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > factor) {
                throw new IllegalArgumentException(
                        "Need 1 <= min.insync.replicas <= replication factor: " + minInsyncReplicas + ", " + factor);
            }
            this.replicationFactor = factor;
            this.minInsyncReplicas = minInsyncReplicas;
            return this;
        }

        /** The child's maximum heap, as for {@code -Xmx} (default {@value KafkaBrokerProcess#DEFAULT_MAX_HEAP}). */
        public Builder maxHeap(String maxHeap) {
            if (maxHeap == null || !HEAP.matcher(maxHeap).matches()) {
                throw new IllegalArgumentException("maxHeap must look like 512m or 1g: " + maxHeap);
            }
            this.maxHeap = maxHeap;
            return this;
        }

        /** How long {@link KafkaBrokerProcess#start()} waits for the broker to answer (default 90 s). */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = positive(startTimeout, "startTimeout");
            return this;
        }

        /** How long {@link KafkaBrokerProcess#stop()} waits for a graceful exit before it kills (default 30 s). */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = positive(stopTimeout, "stopTimeout");
            return this;
        }

        /** Adds or overrides one broker property in {@code server.properties}. */
        public Builder brokerProperty(String key, String value) {
            extraProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds a JVM option for the child (after the defaults, so it wins). */
        public Builder jvmOption(String option) {
            extraJvmOptions.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        /**
         * Whether the broker stops when this JVM ends (default true): a shutdown hook stops it gracefully, and
         * the child itself shuts down when this JVM is gone without running its hooks (kill -9, a crash). Turn
         * off only for a broker that must outlive the JVM that starts it; then only {@link KafkaBrokerProcess#stop()} stops it.
         */
        public Builder stopWithJvm(boolean stopWithJvm) {
            this.stopWithJvm = stopWithJvm;
            return this;
        }

        /** The broker's root log level in {@code broker.log} (default WARN; INFO shows every startup step). */
        public Builder logLevel(String logLevel) {
            Set<String> levels = Set.of("OFF", "FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE", "ALL");
            if (logLevel == null || !levels.contains(logLevel.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("logLevel must be one of " + levels + ": " + logLevel);
            }
            this.logLevel = logLevel.toUpperCase(Locale.ROOT);
            return this;
        }

        public KafkaBrokerProcess build() {
            return new KafkaBrokerProcess(this);
        }

        private static int checkPort(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be within 1..65535: " + port);
            }
            return port;
        }

        private static Duration positive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + duration);
            }
            return duration;
        }
    }
}
