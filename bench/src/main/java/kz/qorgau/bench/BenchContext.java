package kz.qorgau.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import kz.qorgau.infrastructure.DockerProbe;
import kz.qorgau.infrastructure.InfraEnvironment;
import kz.qorgau.infrastructure.PortAllocator;
import kz.qorgau.infrastructure.kafka.KafkaBrokerProcess;
import kz.qorgau.infrastructure.postgres.DatabaseProvisioner;
import kz.qorgau.infrastructure.postgres.PostgresDiscovery;
import kz.qorgau.infrastructure.postgres.ServiceDatabase;

/**
 * What the parts measure against, started once per run and only when a part asks: the PostgreSQL server
 * the services use (found as the local stack finds it) and a Kafka broker of the run's own, a child
 * process with its log on disk, as the local stack runs it.
 */
public final class BenchContext implements AutoCloseable {

    /** Kept databases are named so; the bench owns them and may empty them. */
    public static final String DATABASE_PREFIX = "qorgau_bench_";

    private static final String ROLE = "qorgau_bench";
    private static final String PASSWORD = "qorgau-bench";

    private final Path workDir;
    private final Duration scale;
    private DatabaseProvisioner databases;
    private KafkaBrokerProcess broker;

    BenchContext(Path workDir, Duration scale) {
        this.workDir = workDir;
        this.scale = scale;
    }

    /** How long each timed step runs; {@code --quick} shortens it for a smoke run. */
    public Duration step() {
        return scale;
    }

    /** A kept bench database ({@code qorgau_bench_<name>}), made on first use. */
    public ServiceDatabase database(String name) {
        return databases().ensureServiceDatabase(DATABASE_PREFIX + name, ROLE, PASSWORD);
    }

    /** The PostgreSQL server's administration, found on first use. */
    public synchronized DatabaseProvisioner databases() {
        if (databases == null) {
            databases = new DatabaseProvisioner(
                    PostgresDiscovery.discover(InfraEnvironment.system(), DockerProbe.testcontainers()));
        }
        return databases;
    }

    /** The run's broker, started on first use. */
    public synchronized KafkaBrokerProcess broker() {
        if (broker == null) {
            try {
                Path dataDir = Files.createDirectories(workDir.resolve("kafka"));
                broker = KafkaBrokerProcess.builder(dataDir)
                        .port(PortAllocator.freePort())
                        .controllerPort(PortAllocator.freePort())
                        .maxHeap("1g")
                        .build()
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker;
    }

    public Path workDir() {
        return workDir;
    }

    @Override
    public synchronized void close() {
        if (broker != null) {
            broker.stop();
        }
    }
}
