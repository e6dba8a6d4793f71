package kz.qorgau.kit.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link Traces} for every service (its spans are real when a tracing bridge is on the class path), and no
 * export of the management port's requests: Prometheus scrapes and health probes would bury the changes'
 * traces (their metrics stay).
 */
@AutoConfiguration
public final class TracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Traces traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new Traces(tracer, propagator);
    }

    @Bean
    SpanExportingPredicate noActuatorSpans() {
        return ActuatorSpans::notActuator;
    }
}
