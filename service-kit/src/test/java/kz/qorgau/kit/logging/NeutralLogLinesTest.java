package kz.qorgau.kit.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Any Spring application with the kit on its class path writes neutral log lines (docs/adr/0014), on the
 * console and in the file, without a pattern of its own; one it sets itself wins.
 */
@ExtendWith(OutputCaptureExtension.class)
class NeutralLogLinesTest {

    static final String FORGED = "demo-officer-a\r\nFORGED 2026-11-29T10:00:00Z  INFO : break-glass revoked";

    @Test
    void controlCharactersInALoggedValueNeverStartALine(CapturedOutput output, @TempDir Path logs) throws IOException {
        Path logFile = logs.resolve("service.log");
        try (ConfigurableApplicationContext ignored = start("--logging.file.name=" + logFile)) {
            LoggerFactory.getLogger("kz.qorgau.kit.logging.Example")
                    .warn("Grant to {} in {}, tab\tkept", FORGED, "ALM\u2028FORGED\u0085FORGED\u001b[31mFORGED");
        }

        for (String log : List.of(output.getOut(), Files.readString(logFile))) {
            assertThat(log)
                    .contains("demo-officer-a\\r\\nFORGED 2026")
                    .contains("ALM?FORGED?FORGED?[31mFORGED")
                    .contains("tab\tkept");
            assertThat(log.split("\r\n|[\r\n\u0085\u2028\u2029]"))
                    .noneMatch(line -> line.startsWith("FORGED") || line.startsWith("\u001b[31mFORGED"));
        }
    }

    @Test
    void patternsAreDefaultsThatAServiceMayReplace() {
        try (ConfigurableApplicationContext defaults = start()) {
            assertThat(defaults.getEnvironment().getProperty(NeutralLogLines.CONSOLE_PROPERTY))
                    .contains(" %replace(%replace(%replace(%m)")
                    .contains("${LOG_DATEFORMAT_PATTERN:-");
            assertThat(defaults.getEnvironment().getProperty(NeutralLogLines.FILE_PROPERTY))
                    .contains(" : %replace(%replace(%replace(%m)");
        }
        try (ConfigurableApplicationContext own = start("--logging.pattern.console=%d %m%n")) {
            assertThat(own.getEnvironment().getProperty(NeutralLogLines.CONSOLE_PROPERTY))
                    .isEqualTo("%d %m%n");
            assertThat(own.getEnvironment().getProperty(NeutralLogLines.FILE_PROPERTY))
                    .contains("%replace(");
        }
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(Nothing.class)
                .web(WebApplicationType.NONE)
                .run(arguments);
    }

    /** No configuration of our own: the kit's patterns come with the class path alone. */
    @Configuration(proxyBeanMethods = false)
    static class Nothing {}
}
