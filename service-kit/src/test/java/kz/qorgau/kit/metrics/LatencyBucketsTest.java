package kz.qorgau.kit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The dashboards' latency percentiles need buckets: HTTP requests and publications get them, nothing else. */
class LatencyBucketsTest {

    @Test
    void httpRequestsAndPublicationsHaveTheirBucketsAndOtherTimersNone() {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new LatencyBuckets());

        Timer.builder("http.server.requests")
                .tag("uri", "/api/v1/orders")
                .register(registry)
                .record(Duration.ofMillis(70));
        Timer.builder(MetricNames.OUTBOX_PUBLISH).register(registry).record(Duration.ofMillis(20));
        Timer.builder("audit.verify").register(registry).record(Duration.ofMillis(20));
        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("http_server_requests_seconds_bucket{uri=\"/api/v1/orders\",le=\"0.05\"} 0")
                .contains("http_server_requests_seconds_bucket{uri=\"/api/v1/orders\",le=\"0.1\"} 1")
                .contains("http_server_requests_seconds_bucket{uri=\"/api/v1/orders\",le=\"5.0\"} 1")
                .contains("qorgau_outbox_publish_seconds_bucket{le=\"0.025\"} 1")
                .doesNotContain("audit_verify_seconds_bucket");
        assertThat(scrape.lines().filter(line -> line.startsWith("http_server_requests_seconds_bucket")))
                .as("eight bounds and +Inf")
                .hasSize(9);
    }

    @Test
    void everyServiceGetsTheBucketsFromTheKit() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
                .run(context -> assertThat(context).hasSingleBean(LatencyBuckets.class));
    }
}
