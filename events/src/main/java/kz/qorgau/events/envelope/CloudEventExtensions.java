package kz.qorgau.events.envelope;

import io.cloudevents.core.extensions.DistributedTracingExtension;

/**
 * Names of the CloudEvents extension attributes Qorgau sets. In Kafka binary mode each becomes a
 * {@code ce_<name>} header. CloudEvents requires extension names of lower-case letters and digits,
 * at most 20 characters.
 */
public final class CloudEventExtensions {

    /**
     * Per-subject sequence number, a CloudEvents Integer: 1, 2, 3, … for the events one producer
     * publishes about one subject, counted per {@code (source, subject)}. A producer that writes
     * several topics numbers a subject's events across them (order-service: an order's lifecycle
     * events and the records of accesses to it), so one topic alone may show gaps; gaps and
     * duplicates show across all of the producer's topics. Header {@code ce_subjectseq}.
     */
    public static final String SEQUENCE = "subjectseq";

    /** W3C trace context, from the CloudEvents Distributed Tracing extension. Header {@code ce_traceparent}. */
    public static final String TRACEPARENT = DistributedTracingExtension.TRACEPARENT;

    /** Optional W3C trace state that goes with {@link #TRACEPARENT}. Header {@code ce_tracestate}. */
    public static final String TRACESTATE = DistributedTracingExtension.TRACESTATE;

    /** The Kafka binding's partitioning extension; always the subject, like the record key. */
    public static final String PARTITION_KEY = "partitionkey";

    /** Prefix of CloudEvents attribute headers in Kafka binary mode. */
    public static final String HEADER_PREFIX = "ce_";

    private CloudEventExtensions() {}

    /** The Kafka header that carries a CloudEvents attribute, e.g. {@code ce_subjectseq}. */
    public static String header(String attribute) {
        return HEADER_PREFIX + attribute;
    }
}
