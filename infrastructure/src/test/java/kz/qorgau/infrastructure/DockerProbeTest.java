package kz.qorgau.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DockerProbeTest {

    private static final Function<String, String> LINUX_PROPERTIES =
            Map.of("os.name", "Linux", "user.home", "/home/nobody")::get;
    private static final Function<String, String> NO_ENV = name -> null;

    @Test
    void noSignOfDockerMeansNoWithoutAskingTestcontainers() {
        assertThat(TestcontainersDockerProbe.dockerHint(NO_ENV, LINUX_PROPERTIES, path -> false))
                .isEmpty();
    }

    @Test
    void anySignOfDockerMeansAskTestcontainers() {
        assertThat(TestcontainersDockerProbe.dockerHint(
                        Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375")::get, LINUX_PROPERTIES, path -> false))
                .hasValueSatisfying(hint -> assertThat(hint).contains("DOCKER_HOST"));
        assertThat(TestcontainersDockerProbe.dockerHint(
                        NO_ENV, LINUX_PROPERTIES, path -> path.equals(Path.of("/var/run/docker.sock"))))
                .isPresent();
        assertThat(TestcontainersDockerProbe.dockerHint(
                        NO_ENV, LINUX_PROPERTIES, path -> path.equals(Path.of("/home/nobody/.docker/run/docker.sock"))))
                .isPresent();
        assertThat(TestcontainersDockerProbe.dockerHint(NO_ENV, Map.of("os.name", "Windows 11")::get, path -> false))
                .isPresent();
    }

    @Test
    void theDefaultProbeAnswersOnceAndQuicklyWhenThereIsNoSignOfDocker() {
        boolean noSign = TestcontainersDockerProbe.dockerHint(System::getenv, System::getProperty, Files::exists)
                .isEmpty();

        long started = System.nanoTime();
        boolean first = DockerProbe.testcontainers().dockerAvailable();
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        boolean second = DockerProbe.testcontainers().dockerAvailable();
        long secondMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "Docker probe: available=%s, first call %d ms, second call %d ms, sign of Docker: %s%n",
                first, firstMillis, secondMillis, !noSign);

        assertThat(second).isEqualTo(first);
        assertThat(secondMillis).isLessThan(50);
        if (noSign) {
            assertThat(first).isFalse();
            assertThat(firstMillis).isLessThan(500);
        }
    }

    @Test
    void dockerTurnedOffIsNeverProbed() {
        AtomicInteger calls = new AtomicInteger();
        DockerProbe counting = () -> {
            calls.incrementAndGet();
            return true;
        };

        assertThat(DockerProbe.usable(InfraEnvironment.of(Map.of(EnvNames.QORGAU_DOCKER, "off")), counting))
                .isFalse();
        assertThat(calls).hasValue(0);
        assertThat(DockerProbe.usable(InfraEnvironment.empty(), counting)).isTrue();
        assertThat(calls).hasValue(1);
    }
}
