package kz.qorgau.kit.logging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Log lines cannot be forged (docs/adr/0014): values from events and tokens reach log messages, and a CR
 * or LF in one would start a line of the forger's choosing. This sets {@code logging.pattern.console} and
 * {@code logging.pattern.file} to Boot's default patterns with the message wrapped in logback's
 * {@code %replace}: CR and LF become the visible {@code \r} and {@code \n}, other control characters (C0,
 * DEL, NEL, U+2028/2029; not TAB) {@code ?}. Stack traces ({@code %wEx}) keep their own line breaks.
 *
 * <p>Defaults only: added after every other property source, so a service (or an operator) that sets a
 * pattern keeps it. Structured logging, if turned on, escapes control characters as JSON does and ignores
 * these patterns. Registered in {@code META-INF/spring.factories}, so it acts in every Spring application
 * with the kit on its class path, before the logging system starts, auto-configuration or not.
 */
public final class NeutralLogLines implements EnvironmentPostProcessor, Ordered {

    public static final String CONSOLE_PROPERTY = "logging.pattern.console";
    public static final String FILE_PROPERTY = "logging.pattern.file";

    static final String PROPERTY_SOURCE = "qorgauNeutralLogLines";

    /** {@code %m} with CR and LF made visible and every other control character but TAB replaced by ?. */
    static final String MESSAGE = "%replace(%replace(%replace(%m){'\\r', '\\\\r'}){'\\n', '\\\\n'})"
            + "{'[\\p{Cntrl}\\u0085\\u2028\\u2029&&[^\\t]]', '?'}";

    // Boot 4's DefaultLogbackConfiguration patterns with MESSAGE for %m. \${ leaves logback's own variables
    // to logback: Spring would otherwise resolve them when Boot reads these properties.
    private static final String DATE = "%d{\\${LOG_DATEFORMAT_PATTERN:-yyyy-MM-dd'T'HH:mm:ss.SSSXXX}}";
    private static final String EXCEPTION = "%n\\${LOG_EXCEPTION_CONVERSION_WORD:-%wEx}";

    static final String CONSOLE =
            "%clr(" + DATE + "){faint} %clr(\\${LOG_LEVEL_PATTERN:-%5p}){} %clr(\\${PID:-}){magenta}"
                    + " %clr(--- %esb(){APPLICATION_NAME}%esb{APPLICATION_GROUP}[%15.15t] \\${LOG_CORRELATION_PATTERN:-}){faint}"
                    + "%clr(%-40.40logger{39}){cyan} %clr(:){faint} " + MESSAGE + EXCEPTION;

    static final String FILE = DATE + " \\${LOG_LEVEL_PATTERN:-%5p} \\${PID:-} ---"
            + " %esb(){APPLICATION_NAME}%esb{APPLICATION_GROUP}[%t] \\${LOG_CORRELATION_PATTERN:-}%-40.40logger{39} : "
            + MESSAGE + EXCEPTION;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // The patterns are logback's; another logging system keeps its own.
        if (!ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext", application.getClassLoader())
                || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        environment
                .getPropertySources()
                .addLast(
                        new MapPropertySource(PROPERTY_SOURCE, Map.of(CONSOLE_PROPERTY, CONSOLE, FILE_PROPERTY, FILE)));
    }

    /** After the configuration files are read; the source goes last anyway. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
