package kz.qorgau.events.envelope;

import io.cloudevents.core.extensions.DistributedTracingExtension;

/**
 * Names of the CloudEvents extension attributes Qorgau sets. In Kafka binary mode each becomes a
 * {@code ce_<name>} header. CloudEvents requires extension names of lower-case letters and digits,
 * at most 20 characters.
 */
public final class CloudEventExtensions {

    /**
     * Per-order sequence number (1, 2, 3, … for the events of one subject), a CloudEvents Integer.
     * Lets consumers spot gaps and duplicates per order. Header {@code ce_subjectseq}.
     */
    public static final String SEQUENCE = "subjectseq";

    /** W3C trace context, from the CloudEvents Distributed Tracing extension. Header {@code ce_traceparent}. */
    public static final String TRACEPARENT = DistributedTracingExtension.TRACEPARENT;

    /** Optional W3C trace state that goes with {@link #TRACEPARENT}. Header {@code ce_tracestate}. */
    public static final String TRACESTATE = DistributedTracingExtension.TRACESTATE;

    /** The Kafka binding's partitioning extension; always the order id, like the record key. */
    public static final String PARTITION_KEY = "partitionkey";

    /** Prefix of CloudEvents attribute headers in Kafka binary mode. */
    public static final String HEADER_PREFIX = "ce_";

    private CloudEventExtensions() {}

    /** The Kafka header that carries a CloudEvents attribute, e.g. {@code ce_subjectseq}. */
    public static String header(String attribute) {
        return HEADER_PREFIX + attribute;
    }
}
