package kz.qorgau.infrastructure.kafka;

import java.util.Objects;
import java.util.function.Supplier;
import kz.qorgau.infrastructure.DockerProbe;
import kz.qorgau.infrastructure.EnvNames;
import kz.qorgau.infrastructure.InfraEnvironment;
import kz.qorgau.infrastructure.InfrastructureException;
import kz.qorgau.infrastructure.Source;

/**
 * Finds a Kafka cluster, in this order:
 *
 * <ol>
 *   <li>{@link EnvNames#QORGAU_KAFKA_BOOTSTRAP_SERVERS} ({@link Source#ENVIRONMENT}); nothing is probed or
 *       started;
 *   <li>when Docker answers (and {@link EnvNames#QORGAU_DOCKER} is not {@code off}), a Testcontainers
 *       {@code apache/kafka:4.1.2} broker in KRaft mode, started once per JVM and removed by Testcontainers'
 *       reaper when the JVM ends ({@link Source#TESTCONTAINERS});
 *   <li>the caller's local fallback: tests pass an in-process embedded broker, the launcher a {@link
 *       KafkaBrokerProcess}.
 * </ol>
 */
public final class KafkaDiscovery {

    /** The image of the Testcontainers broker; the same version as the Kafka clients. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    private KafkaDiscovery() {}

    /**
     * @param localFallback called only when neither the environment nor Docker gives a broker; may be
     *     null, in which case that situation throws an {@link InfrastructureException}
     */
    public static KafkaEndpoint discover(
            InfraEnvironment environment, DockerProbe docker, Supplier<KafkaEndpoint> localFallback) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(docker, "docker");
        var fromEnvironment = environment.get(EnvNames.QORGAU_KAFKA_BOOTSTRAP_SERVERS);
        if (fromEnvironment.isPresent()) {
            return new KafkaEndpoint(fromEnvironment.get(), Source.ENVIRONMENT);
        }
        if (DockerProbe.usable(environment, docker)) {
            return new KafkaEndpoint(SharedKafkaContainer.bootstrapServers(), Source.TESTCONTAINERS);
        }
        if (localFallback == null) {
            throw new InfrastructureException("No Kafka broker found: set " + EnvNames.QORGAU_KAFKA_BOOTSTRAP_SERVERS
                    + " to a running broker, or start Docker so that Testcontainers can run " + KAFKA_IMAGE + ".");
        }
        return Objects.requireNonNull(localFallback.get(), "the local Kafka fallback returned null");
    }
}
