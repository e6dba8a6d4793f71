package kz.qorgau.order.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and durations of access control (docs/adr/0010).
 *
 * @param writeLimit writes per member of staff, counted in PostgreSQL across instances
 * @param personCheckWatch person checks per member of staff beyond which the volume is unusual: never
 *     refused (an officer at a door must get an answer), counted in a metric that alerts
 * @param breakGlass how long emergency access to another district lasts
 */
@Validated
@ConfigurationProperties("qorgau.access")
public record AccessProperties(
        @Valid @DefaultValue Rate writeLimit,
        @Valid Rate personCheckWatch,
        @Valid @DefaultValue BreakGlass breakGlass) {

    /** Person checks are counted per hour; Rate's own defaults are those of writes. */
    static final Rate DEFAULT_PERSON_CHECK_WATCH = new Rate(200, Duration.ofHours(1));

    public AccessProperties {
        if (personCheckWatch == null) {
            personCheckWatch = DEFAULT_PERSON_CHECK_WATCH;
        }
    }

    /** {@code capacity} requests per {@code period}, refilled smoothly. */
    public record Rate(@Min(1) @DefaultValue("30") long capacity, @NotNull @DefaultValue("1m") Duration period) {}

    /** @param duration how long a grant lasts; the supervisor reviews every grant */
    public record BreakGlass(@NotNull @DefaultValue("30m") Duration duration) {}
}
