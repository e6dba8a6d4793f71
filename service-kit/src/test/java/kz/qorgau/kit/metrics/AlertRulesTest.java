package kz.qorgau.kit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The alert rules in ops/prometheus name the metrics the kit really emits. */
class AlertRulesTest {

    @Test
    void theParkingAlertsNameTheParkingsMetrics() throws IOException {
        String rules = Files.readString(Path.of("..", "ops", "prometheus", "alerts.yml"));

        assertThat(rules)
                .contains("increase(" + MetricNames.prometheusCounter(MetricNames.PARKING_KEYS_PARKED) + "[")
                .contains("(" + MetricNames.PARKING_OLDEST_AGE.replace('.', '_') + "_seconds)")
                .contains("by (application, " + MetricNames.TOPIC + ")")
                .contains("/actuator/parking");
    }
}
