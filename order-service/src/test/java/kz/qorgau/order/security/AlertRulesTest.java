package kz.qorgau.order.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.qorgau.kit.security.SecurityProblems;
import kz.qorgau.order.writelimit.WriteLimits;
import org.junit.jupiter.api.Test;

/** The alert rules in ops/prometheus name metrics this service really emits. */
class AlertRulesTest {

    @Test
    void theAccessAlertsNameThisServicesMetrics() throws IOException {
        String rules = Files.readString(Path.of("..", "ops", "prometheus", "alerts.yml"));

        assertThat(rules)
                .contains(prometheusCounter(WriteLimits.UNUSUAL_PERSON_CHECKS_METRIC))
                .contains(prometheusCounter(SecurityProblems.METRIC))
                .contains("reason=\"" + OrderAccess.DISTRICT_REFUSAL + "\"");
    }

    /** Micrometer's Prometheus name of a counter: dots become underscores, plus {@code _total}. */
    private static String prometheusCounter(String name) {
        return name.replace('.', '_') + "_total";
    }
}
