package kz.qorgau.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.HashSet;
import java.util.Set;
import kz.qorgau.events.envelope.EventEnvelope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class TraceparentsTest {

    @Test
    void withoutATracerEveryEventStartsAValidTraceOfItsOwn() {
        Traceparents traceparents = new Traceparents(new StaticListableBeanFactory().getBeanProvider(Tracer.class));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String traceparent = traceparents.current();
            assertThat(EventEnvelope.isValidTraceparent(traceparent))
                    .as(traceparent)
                    .isTrue();
            assertThat(traceparent).startsWith("00-").endsWith("-01");
            seen.add(traceparent.substring(3, 35));
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void withATracerTheEventJoinsTheCurrentSpansTrace() {
        assertThat(traceparentWith("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(traceparentWith("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", false))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
        // 64-bit trace ids (B3) are padded to W3C's 128 bits.
        assertThat(traceparentWith("a3ce929d0e0e4736", "00f067aa0ba902b7", true))
                .isEqualTo("00-0000000000000000a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void anUnusableSpanContextStartsANewTrace() {
        String traceparent = traceparentWith("not-hex", "00f067aa0ba902b7", true);
        assertThat(EventEnvelope.isValidTraceparent(traceparent)).isTrue();
        assertThat(traceparent).doesNotContain("not-hex");
    }

    private static String traceparentWith(String traceId, String spanId, boolean sampled) {
        TraceContext context = mock(TraceContext.class);
        when(context.traceId()).thenReturn(traceId);
        when(context.spanId()).thenReturn(spanId);
        when(context.sampled()).thenReturn(sampled);
        Span span = mock(Span.class);
        when(span.context()).thenReturn(context);
        Tracer tracer = mock(Tracer.class);
        when(tracer.currentSpan()).thenReturn(span);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("tracer", tracer);
        return new Traceparents(beans.getBeanProvider(Tracer.class)).current();
    }
}
