package kz.qorgau.kit.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.qorgau.events.envelope.EventEnvelope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Continues a trace whose context was stored (an outbox row, a notice): a span whose parent is the stored
 * W3C {@code traceparent}, so a change's trace goes on across the database and the worker that picks the
 * work up later (docs/adr/0033). Without a tracer (no bridge on the class path) every span is a no-op and
 * the stored context is passed on as it is.
 */
public class Traces implements SmartInitializingSingleton {

    private final ObjectProvider<Tracer> tracerProvider;
    private final ObjectProvider<Propagator> propagatorProvider;

    /**
     * The tracer and propagator, looked up once the context's singletons exist. A bean lookup on every call
     * took about 7 % of notification-service's and audit-service's CPU (docs/adr/0044).
     */
    private volatile Resolved resolved;

    public Traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracerProvider = tracer;
        this.propagatorProvider = propagator;
    }

    @Override
    public void afterSingletonsInstantiated() {
        resolved = new Resolved(tracerProvider.getIfAvailable(), propagatorProvider.getIfAvailable());
    }

    private Tracer tracer() {
        Resolved now = resolved;
        return now == null ? tracerProvider.getIfAvailable() : now.tracer();
    }

    private Propagator propagator() {
        Resolved now = resolved;
        return now == null ? propagatorProvider.getIfAvailable() : now.propagator();
    }

    private record Resolved(Tracer tracer, Propagator propagator) {}

    /** The current span's {@code traceparent}, when a tracer is there and a span is in scope. */
    public Optional<String> currentTraceparent() {
        Tracer available = tracer();
        Span span = available == null ? null : available.currentSpan();
        return span == null ? Optional.empty() : traceparent(span);
    }

    /**
     * The context to store with work that {@code stored} caused: the current span when it belongs to the same
     * trace (or there is no stored one), so the later work is its child; otherwise {@code stored} itself.
     */
    public String continuing(String stored) {
        Optional<String> current = currentTraceparent();
        if (current.isEmpty()) {
            return stored;
        }
        if (!EventEnvelope.isValidTraceparent(stored) || traceId(stored).equals(traceId(current.get()))) {
            return current.get();
        }
        return stored;
    }

    private static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    /**
     * Starts a span, child of the stored context {@code traceparent} (a new trace when there is none or it
     * is malformed). The caller ends it.
     */
    public Span startChild(String name, Span.Kind kind, String traceparent, String tracestate) {
        Tracer available = tracer();
        Propagator w3c = propagator();
        if (available == null || w3c == null) {
            return Span.NOOP;
        }
        Span.Builder builder;
        if (EventEnvelope.isValidTraceparent(traceparent)) {
            Map<String, String> carrier = new HashMap<>();
            carrier.put("traceparent", traceparent);
            if (tracestate != null && !tracestate.isEmpty()) {
                carrier.put("tracestate", tracestate);
            }
            builder = w3c.extract(carrier, Map::get);
        } else {
            builder = available.spanBuilder().setNoParent();
        }
        return builder.name(name).kind(kind).start();
    }

    /** Puts {@code span} in scope on this thread; close the scope before ending the span. */
    public Tracer.SpanInScope inScope(Span span) {
        Tracer available = tracer();
        return available == null || span.isNoop() ? () -> {} : available.withSpan(span);
    }

    /** The span's context as a W3C {@code traceparent}; empty for a no-op span. */
    public static Optional<String> traceparent(Span span) {
        if (span.isNoop()) {
            return Optional.empty();
        }
        String traceparent = format(span.context());
        return EventEnvelope.isValidTraceparent(traceparent) ? Optional.of(traceparent) : Optional.empty();
    }

    /** W3C form of a context; 64-bit trace ids (B3 style) are left-padded to 128 bits. */
    public static String format(TraceContext context) {
        String traceId = context.traceId();
        if (traceId != null && traceId.length() == 16) {
            traceId = "0000000000000000" + traceId;
        }
        String flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
        return "00-" + traceId + "-" + context.spanId() + "-" + flags;
    }
}
