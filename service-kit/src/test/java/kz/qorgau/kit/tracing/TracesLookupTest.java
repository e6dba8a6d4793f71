package kz.qorgau.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/** The tracer is looked up once the context is up, not on every span (docs/adr/0044). */
class TracesLookupTest {

    private final Counting<Tracer> tracer = new Counting<>(Tracer.NOOP);
    private final Counting<Propagator> propagator = new Counting<>(Propagator.NOOP);
    private final Traces traces = new Traces(tracer, propagator);

    @Test
    void beforeTheContextIsUpEachCallAsksForTheBeans() {
        traces.currentTraceparent();
        traces.startChild("relay", Span.Kind.PRODUCER, null, null);

        assertThat(tracer.lookups).hasValue(2);
        assertThat(propagator.lookups).hasValue(1);
    }

    @Test
    void onceTheContextIsUpNoCallAsksAgain() {
        traces.afterSingletonsInstantiated();
        for (int i = 0; i < 100; i++) {
            traces.currentTraceparent();
            traces.continuing("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            Span span = traces.startChild("relay", Span.Kind.PRODUCER, null, null);
            traces.inScope(span).close();
        }

        assertThat(tracer.lookups).hasValue(1);
        assertThat(propagator.lookups).hasValue(1);
    }

    @Test
    void aContextWithoutATracerIsNotAskedAgainEither() {
        Counting<Tracer> none = new Counting<>(null);
        Traces untraced = new Traces(none, new Counting<>(null));
        untraced.afterSingletonsInstantiated();

        assertThat(untraced.startChild("relay", Span.Kind.PRODUCER, null, null).isNoop())
                .isTrue();
        assertThat(untraced.currentTraceparent()).isEmpty();
        assertThat(none.lookups).hasValue(1);
    }

    /** A provider that counts how often it is asked. */
    private static final class Counting<T> implements ObjectProvider<T> {

        private final T bean;
        final AtomicInteger lookups = new AtomicInteger();

        Counting(T bean) {
            this.bean = bean;
        }

        @Override
        public T getObject() {
            return getIfAvailable();
        }

        @Override
        public T getObject(Object... args) {
            return getIfAvailable();
        }

        @Override
        public T getIfAvailable() {
            lookups.incrementAndGet();
            return bean;
        }

        @Override
        public T getIfUnique() {
            return getIfAvailable();
        }
    }
}
