package kz.qorgau.kit.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.security.SecureRandom;
import java.util.HexFormat;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.kit.tracing.Traces;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The W3C {@code traceparent} an outbox row carries: the current span's, when Micrometer Tracing has a
 * tracer (a bridge such as micrometer-tracing-bridge-otel on the class path) and a span is in scope;
 * otherwise a new trace, so that every event can be followed through the consumers all the same.
 */
public class Traceparents {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final ObjectProvider<Tracer> tracer;

    public Traceparents(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    public String current() {
        Tracer available = tracer.getIfAvailable();
        Span span = available == null ? null : available.currentSpan();
        if (span != null) {
            String traceparent = Traces.format(span.context());
            if (EventEnvelope.isValidTraceparent(traceparent)) {
                return traceparent;
            }
        }
        return newTrace();
    }

    /** A new trace: random non-zero 128-bit trace id and 64-bit span id, flagged sampled. */
    static String newTrace() {
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        do {
            RANDOM.nextBytes(value);
        } while (isZero(value));
        return HEX.formatHex(value);
    }

    private static boolean isZero(byte[] value) {
        for (byte b : value) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
