package kz.qorgau.kit.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.micrometer.tracing.propagation.Propagator;
import io.prometheus.metrics.tracer.common.SpanContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link Traces} for every service (its spans are real when a tracing bridge is on the class path), and no
 * export of the management port's requests: Prometheus scrapes and health probes would bury the changes'
 * traces (their metrics stay); and no exemplars on the Prometheus scrape.
 */
@AutoConfiguration(
        beforeName =
                "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration")
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

    /**
     * No exemplars on the Prometheus scrape: Micrometer puts them on summaries' {@code _count} too, which
     * Prometheus 2.x (Debian's, the launcher's and CI's) refuses in OpenMetrics, failing the whole scrape.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.prometheus.metrics.tracer.common.SpanContext")
    static class NoExemplars {

        @Bean
        @ConditionalOnMissingBean
        SpanContext noExemplarSpanContext() {
            return new NoExemplars.Unsampled();
        }

        /** A span context that offers no span: Prometheus then samples no exemplar. */
        static final class Unsampled implements SpanContext {

            @Override
            public String getCurrentTraceId() {
                return null;
            }

            @Override
            public String getCurrentSpanId() {
                return null;
            }

            @Override
            public boolean isCurrentSpanSampled() {
                return false;
            }

            @Override
            public void markCurrentSpanAsExemplar() {}
        }
    }
}
