package kz.qorgau.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.tracing.exporter.FinishedSpan;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActuatorSpansTest {

    @Test
    void theActuatorsRequestsAreNotExportedAndEverythingElseIs() {
        assertThat(ActuatorSpans.notActuator(span(Map.of("uri", "/actuator/prometheus"))))
                .isFalse();
        assertThat(ActuatorSpans.notActuator(span(Map.of("uri", "/actuator")))).isFalse();
        assertThat(ActuatorSpans.notActuator(span(Map.of("uri", "/api/v1/orders"))))
                .isTrue();
        assertThat(ActuatorSpans.notActuator(span(Map.of("uri", "/actuatorish"))))
                .isTrue();
        assertThat(ActuatorSpans.notActuator(span(Map.of("messaging.system", "kafka"))))
                .isTrue();
    }

    private static FinishedSpan span(Map<String, String> tags) {
        FinishedSpan span = mock(FinishedSpan.class);
        when(span.getTags()).thenReturn(tags);
        return span;
    }
}
