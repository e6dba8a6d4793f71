package kz.qorgau.infrastructure.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kz.qorgau.infrastructure.kafka.BlockForeverMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaServiceProcessTest {

    @TempDir
    Path dir;

    @Test
    void aServiceThatDiesWhileStartingIsReportedWithItsLogTail() {
        JavaServiceProcess service = JavaServiceProcess.start(
                "broken-service", dir.resolve("missing.jar"), List.of("-Xmx32m"), Map.of(), dir.resolve("broken.log"));

        assertThatThrownBy(() -> service.awaitHealthy(URI.create("http://127.0.0.1:9/health"), Duration.ofSeconds(30)))
                .isInstanceOf(JavaServiceProcess.ServiceStartException.class)
                .hasMessageContaining("broken-service exited with code 1")
                .satisfies(failure -> assertThat(((JavaServiceProcess.ServiceStartException) failure)
                                .service()
                                .logTail(5))
                        .anySatisfy(line -> assertThat(line).contains("missing.jar")));
        assertThat(service.isAlive()).isFalse();
    }

    @Test
    void aMainClassOfAClasspathRunsAsItsOwnProcess() {
        try (JavaServiceProcess process = JavaServiceProcess.startMain(
                "stand-in",
                System.getProperty("java.class.path"),
                BlockForeverMain.class.getName(),
                List.of("-Xmx32m"),
                List.of(),
                Map.of(),
                dir.resolve("stand-in.log"))) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(process.logTail(5)).contains(BlockForeverMain.READY));
            assertThat(process.isAlive()).isTrue();
        }
    }

    @Test
    void aMainClassOfARunnableJarStartsThroughItsPropertiesLauncher() {
        assertThat(JavaServiceProcess.mainCommand(
                        "java", "bench-exec.jar", "x.Main", List.of("-Xmx32m"), List.of("--server.port=1")))
                .containsExactly(
                        "java",
                        "-Xmx32m",
                        "-Dloader.main=x.Main",
                        "-cp",
                        "bench-exec.jar",
                        "org.springframework.boot.loader.launch.PropertiesLauncher",
                        "--server.port=1");
        assertThat(JavaServiceProcess.mainCommand(
                        "java", "a.jar" + java.io.File.pathSeparator + "classes", "x.Main", List.of(), List.of()))
                .containsExactly("java", "-cp", "a.jar" + java.io.File.pathSeparator + "classes", "x.Main");
    }
}
