package kz.qorgau.notification.dutyunit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A value from an event or a token with CR, LF or other control characters in it cannot forge a log
 * line (docs/adr/0014): the logging patterns the service kit sets (NeutralLogLines, docs/adr/0016)
 * neutralise every message, so no call site can forget. Only the logging configuration is started, as the
 * service starts it.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogLineInjectionTest {

    /** A district as a forged event would carry it: the rest looks like a line of its own. */
    static final String FORGED_DISTRICT = "ALM-X\r\nFORGED 2026-11-29T10:00:00Z  INFO : notice sent";

    @Test
    void controlCharactersInALoggedValueNeverStartALine(CapturedOutput output, @TempDir Path logs) throws IOException {
        Path logFile = logs.resolve("notification-service.log");
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(LoggingOnly.class)
                .web(WebApplicationType.NONE)
                .run("--logging.file.name=" + logFile)) {
            // The district of an OrderIssued event that has no duty unit is logged for operators.
            DutyUnitDirectory directory = new DutyUnitDirectory(
                    new DutyUnitProperties(Map.of(), List.of("duty.national@police.example.kz")),
                    new SimpleMeterRegistry());
            directory.forDistrict(FORGED_DISTRICT);
            directory.forDistrict("ALM\u2028FORGED\u0085FORGED\u001b[31mFORGED");
        }

        for (String log : List.of(output.getOut(), Files.readString(logFile))) {
            assertThat(log).contains("ALM-X\\r\\nFORGED 2026").contains("ALM?FORGED?FORGED?[31mFORGED");
            assertThat(log.split("\r\n|[\r\n\u0085\u2028\u2029]"))
                    .noneMatch(line -> line.startsWith("FORGED") || line.startsWith("\u001b[31mFORGED"));
        }
    }

    /** Nothing but what every Spring application has: the logging system, configured as the service's. */
    @Configuration(proxyBeanMethods = false)
    static class LoggingOnly {}
}
