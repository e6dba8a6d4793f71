package kz.qorgau.infrastructure.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
}
