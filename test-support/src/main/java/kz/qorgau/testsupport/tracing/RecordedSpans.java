package kz.qorgau.testsupport.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every span the service's tracer ended, kept in memory: Boot adds each {@link SpanProcessor} bean to the
 * tracer provider, so a test {@code @Import}s this class and reads what would have been exported, at once
 * (no batch delay, no collector).
 */
public final class RecordedSpans implements SpanProcessor {

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        ended.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    public List<SpanData> all() {
        return List.copyOf(ended);
    }

    /** The ended spans of one trace. */
    public List<SpanData> inTrace(String traceId) {
        return ended.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    /** The ended span with this id, if any. */
    public SpanData span(String spanId) {
        return ended.stream()
                .filter(span -> span.getSpanId().equals(spanId))
                .findFirst()
                .orElse(null);
    }

    /**
     * Everything a span would export as text: names, attribute keys and values, events and their attributes,
     * the status description, the resource; one string per span, to scan for personal data.
     */
    public List<String> exportedTexts() {
        List<String> texts = new ArrayList<>();
        for (SpanData span : ended) {
            StringBuilder text = new StringBuilder(span.getName())
                    .append(' ')
                    .append(span.getAttributes())
                    .append(' ')
                    .append(span.getStatus().getDescription())
                    .append(' ')
                    .append(span.getResource().getAttributes());
            span.getEvents()
                    .forEach(event ->
                            text.append(' ').append(event.getName()).append(' ').append(event.getAttributes()));
            span.getLinks().forEach(link -> text.append(' ').append(link.getAttributes()));
            texts.add(text.toString());
        }
        return texts;
    }

    /** The trace id of a W3C {@code traceparent}. */
    public static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }

    /** The span id of a W3C {@code traceparent}. */
    public static String spanId(String traceparent) {
        return traceparent.split("-")[2];
    }
}
