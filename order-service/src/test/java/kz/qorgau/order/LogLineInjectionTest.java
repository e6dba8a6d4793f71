package kz.qorgau.order;

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
 * A value from a token or an event with CR, LF or other control characters in it cannot forge a log
 * line (docs/adr/0014): the logging patterns the service kit sets (NeutralLogLines, docs/adr/0016)
 * neutralise every message, so no call site can forget. Only the logging configuration is started, as the
 * service starts it.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogLineInjectionTest {

    /** A subject claim as a forger would write it: the rest looks like a line of its own. */
    static final String FORGED_SUBJECT = "demo-officer-a\r\nFORGED 2026-11-29T10:00:00Z  INFO : break-glass revoked";

    @Test
    void controlCharactersInALoggedValueNeverStartALine(CapturedOutput output, @TempDir Path logs) throws IOException {
        Path logFile = logs.resolve("order-service.log");
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(LoggingOnly.class)
                .web(WebApplicationType.NONE)
                .run("--logging.file.name=" + logFile)) {
            // As BreakGlass logs a grant: the token's subject and a district from the request.
            LoggerFactory.getLogger("kz.qorgau.order.breakglass.BreakGlass")
                    .warn(
                            "Break-glass grant {} to {} for district {}",
                            "g-1",
                            FORGED_SUBJECT,
                            "ALM\u2028FORGED\u0085FORGED\u001b[31mFORGED");
        }

        for (String log : List.of(output.getOut(), Files.readString(logFile))) {
            assertThat(log).contains("demo-officer-a\\r\\nFORGED 2026").contains("ALM?FORGED?FORGED?[31mFORGED");
            assertThat(log.split("\r\n|[\r\n\u0085\u2028\u2029]"))
                    .noneMatch(line -> line.startsWith("FORGED") || line.startsWith("\u001b[31mFORGED"));
        }
    }

    /** Nothing but what every Spring application has: the logging system, configured as the service's. */
    @Configuration(proxyBeanMethods = false)
    static class LoggingOnly {}
}
