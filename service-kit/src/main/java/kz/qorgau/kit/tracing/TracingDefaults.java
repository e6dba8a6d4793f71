package kz.qorgau.kit.tracing;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults for what {@code spring-boot-starter-opentelemetry} brings (docs/adr/0033): no collector is
 * assumed, so nothing is pushed over OTLP unless an operator names an endpoint. Spans are exported only
 * when {@code management.opentelemetry.tracing.export.otlp.endpoint} is set (Boot's own condition); the
 * OTLP metrics registry that the starter also brings would push to localhost every minute, so it is off
 * (Prometheus scrapes the services). Kafka's template and listeners are observed, so a record's
 * {@code traceparent} header is continued by the consumer's span. Spring Security's observations (a span
 * for each filter chain of each request, and the meters no dashboard reads) are off: they would double the
 * spans of every request. Added last: a service or an operator
 * that sets any of these keeps its value.
 */
public final class TracingDefaults implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "qorgauTracingDefaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            "management.otlp.metrics.export.enabled", "false",
            "spring.kafka.template.observation-enabled", "true",
            "spring.kafka.listener.observation-enabled", "true",
            "management.observations.enable.spring.security", "false");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, DEFAULTS));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
