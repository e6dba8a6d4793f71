package kz.qorgau.testsupport.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Log-line forging, as each service's LogLineInjectionTest tries it (docs/adr/0014): a value with CR, LF,
 * Unicode line breaks or an ANSI escape must never start a line of its own. Only the logging of a Spring
 * application is started, with the service's classpath, so the patterns the kit sets apply as in the
 * service.
 */
public final class ForgedLogLines {

    /** What follows a CR LF in a forged value: it looks like a log line of its own. */
    public static final String FORGED_LINE = "FORGED 2026-11-29T10:00:00Z  INFO : ";

    /** The other line breaks (U+2028, NEL) and an ANSI colour escape, each followed by a forged word. */
    public static final String OTHER_BREAKS = "ALM\u2028FORGED\u0085FORGED\u001b[31mFORGED";

    /** How {@link #OTHER_BREAKS} must appear: each control character replaced. */
    public static final String OTHER_BREAKS_NEUTRALISED = "ALM?FORGED?FORGED?[31mFORGED";

    private ForgedLogLines() {}

    /**
     * Starts the logging as the service would (console and {@code <folder>/<service>.log}), runs {@code
     * logging}, stops, and returns the log file's text. Capture the console with Boot's
     * OutputCaptureExtension.
     */
    public static String logFileAfter(Path folder, String service, Runnable logging) {
        Path logFile = folder.resolve(service + ".log");
        // A context still open in this JVM (a shared test context) has marked the logging system as set up,
        // and Boot would then keep that set-up and ignore this one's log file: start it afresh, as a
        // service's own process does.
        LoggingSystem.get(ForgedLogLines.class.getClassLoader()).cleanUp();
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(LoggingOnly.class)
                .web(WebApplicationType.NONE)
                .run("--logging.file.name=" + logFile)) {
            logging.run();
        }
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each log shows the forged values escaped ({@code escapedCrLf} for the CR LF one, {@link
     * #OTHER_BREAKS_NEUTRALISED}) and no line starts with a forged word.
     */
    public static void assertNoForgedLine(List<String> logs, String escapedCrLf) {
        for (String log : logs) {
            assertThat(log).contains(escapedCrLf).contains(OTHER_BREAKS_NEUTRALISED);
            assertThat(log.split("\r\n|[\r\n\u0085\u2028\u2029]"))
                    .noneMatch(line -> line.startsWith("FORGED") || line.startsWith("\u001b[31mFORGED"));
        }
    }

    /** Nothing but what every Spring application has: the logging system, configured as the service's. */
    @Configuration(proxyBeanMethods = false)
    static class LoggingOnly {}
}
