package kz.qorgau.infrastructure.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import kz.qorgau.infrastructure.DockerProbe;
import kz.qorgau.infrastructure.EnvNames;
import kz.qorgau.infrastructure.InfraEnvironment;
import kz.qorgau.infrastructure.InfrastructureException;
import kz.qorgau.infrastructure.Source;
import org.junit.jupiter.api.Test;

class KafkaDiscoveryTest {

    private static final DockerProbe MUST_NOT_PROBE = () -> {
        throw new AssertionError("Docker must not be probed");
    };
    private static final Supplier<KafkaEndpoint> MUST_NOT_FALL_BACK = () -> {
        throw new AssertionError("the local fallback must not be started");
    };

    @Test
    void theEnvironmentWinsAndNothingIsProbedOrStarted() {
        InfraEnvironment environment =
                InfraEnvironment.of(Map.of(EnvNames.QORGAU_KAFKA_BOOTSTRAP_SERVERS, "kafka-a:9092,kafka-b:9092"));

        KafkaEndpoint endpoint = KafkaDiscovery.discover(environment, MUST_NOT_PROBE, MUST_NOT_FALL_BACK);

        assertThat(endpoint).isEqualTo(new KafkaEndpoint("kafka-a:9092,kafka-b:9092", Source.ENVIRONMENT));
    }

    @Test
    void withoutEnvironmentAndDockerTheFallbackIsUsed() {
        AtomicInteger probes = new AtomicInteger();
        DockerProbe noDocker = () -> {
            probes.incrementAndGet();
            return false;
        };
        KafkaEndpoint local = new KafkaEndpoint("127.0.0.1:39092", Source.IN_PROCESS);

        KafkaEndpoint endpoint = KafkaDiscovery.discover(InfraEnvironment.empty(), noDocker, () -> local);

        assertThat(endpoint).isSameAs(local);
        assertThat(probes).hasValue(1);
    }

    @Test
    void dockerTurnedOffSkipsTheProbe() {
        KafkaEndpoint local = new KafkaEndpoint("127.0.0.1:39092", Source.CHILD_PROCESS);

        KafkaEndpoint endpoint = KafkaDiscovery.discover(
                InfraEnvironment.of(Map.of(EnvNames.QORGAU_DOCKER, "off")), MUST_NOT_PROBE, () -> local);

        assertThat(endpoint).isSameAs(local);
    }

    @Test
    void withoutEnvironmentDockerOrFallbackTheMessageSaysWhatToDo() {
        assertThatThrownBy(() -> KafkaDiscovery.discover(InfraEnvironment.empty(), DockerProbe.unavailable(), null))
                .isInstanceOf(InfrastructureException.class)
                .hasMessageContaining(EnvNames.QORGAU_KAFKA_BOOTSTRAP_SERVERS)
                .hasMessageContaining("Docker");
    }
}
