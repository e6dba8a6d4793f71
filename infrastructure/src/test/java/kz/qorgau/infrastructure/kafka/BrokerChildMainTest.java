package kz.qorgau.infrastructure.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The child broker's watchdog: the child goes when the process that started it is gone. */
@Timeout(60)
class BrokerChildMainTest {

    private Process parent;
    private Process child;

    @AfterEach
    void killLeftovers() {
        for (Process process : new Process[] {child, parent}) {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void theChildExitsWhenItsParentDies() throws Exception {
        parent = java(BlockForeverMain.class.getName());
        child = java(BrokerChildMain.class.getName(), Long.toString(parent.pid()), BlockForeverMain.class.getName());
        // The child prints "ready" once BrokerChildMain watches the parent and has started the main class.
        assertThat(firstLine(child)).isEqualTo(BlockForeverMain.READY);

        parent.destroyForcibly();

        await().atMost(Duration.ofSeconds(20)).until(() -> !child.isAlive());
        assertThat(child.exitValue()).isZero();
    }

    @Test
    void theChildDoesNotStartWhenItsParentIsAlreadyGone() throws Exception {
        parent = java(BlockForeverMain.class.getName());
        long pid = parent.pid();
        parent.destroyForcibly();
        parent.waitFor();

        child = java(BrokerChildMain.class.getName(), Long.toString(pid), BlockForeverMain.class.getName());

        await().atMost(Duration.ofSeconds(20)).until(() -> !child.isAlive());
        assertThat(child.exitValue()).isEqualTo(1);
    }

    private static String firstLine(Process process) throws IOException {
        // Not closed: the process keeps writing to it.
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    private static Process java(String... mainAndArguments) throws Exception {
        String classpath = String.join(
                File.pathSeparator,
                location(BrokerChildMain.class).toString(),
                location(BlockForeverMain.class).toString());
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath));
        command.addAll(List.of(mainAndArguments));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
