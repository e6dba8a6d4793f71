package kz.qorgau.kit.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The kit's meter settings, applied to every registry Boot configures. */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
public final class MetricsAutoConfiguration {

    @Bean
    LatencyBuckets qorgauLatencyBuckets() {
        return new LatencyBuckets();
    }
}
