package kz.qorgau.kit.metrics;

/**
 * The names and tags of the metrics that more than one service emits, or that the kit emits for them,
 * in one place (Micrometer's dotted form; Prometheus sees dots as underscores and a counter with
 * {@code _total}). ops/prometheus/alerts.yml names some of them: a change here changes it in the
 * same commit, and the kit's AlertRulesTest checks that it did.
 */
public final class MetricNames {

    /** Counter: records a consumer sent to {@code <topic>-dlt}; tags {@link #TOPIC}, {@link #REASON}. */
    public static final String EVENTS_DEAD_LETTERED = "qorgau.events.dead.lettered";

    /** Counter: well-formed events of types this service does not handle; tag {@link #TOPIC}. */
    public static final String EVENTS_IGNORED = "qorgau.events.ignored";

    /** Counter: events received again (a redelivery absorbed by deduplication); tag {@code consumer}. */
    public static final String EVENTS_REDELIVERED = "qorgau.events.redelivered";

    /** Gauge: sequence keys parked now (the service's parking table, every instance sees the same). */
    public static final String PARKING_KEYS = "qorgau.parking.keys";

    /** Gauge: records parked now, heads included. */
    public static final String PARKING_RECORDS = "qorgau.parking.records";

    /** Gauge, seconds: how long the oldest parked record has waited; 0 when nothing is parked. */
    public static final String PARKING_OLDEST_AGE = "qorgau.parking.oldest.age";

    /** Counter: keys newly parked (a head was dead-lettered); tag {@link #TOPIC}. Alerted on. */
    public static final String PARKING_KEYS_PARKED = "qorgau.parking.keys.parked";

    /** Counter: requests refused 401/403; tags {@code reason} (a {@code Refusal} code) and {@code status}. */
    public static final String SECURITY_REJECTIONS = "qorgau.security.rejections";

    /** Gauge: outbox rows not yet published (the kit's outbox, docs/adr/0018). */
    public static final String OUTBOX_BACKLOG = "qorgau.outbox.backlog";

    /** Gauge, seconds: how long the oldest unpublished outbox row has waited. */
    public static final String OUTBOX_OLDEST_UNPUBLISHED_AGE = "qorgau.outbox.oldest.unpublished.age";

    /** Gauge: 1 on the instance whose relay holds the lock, 0 elsewhere. */
    public static final String OUTBOX_RELAY_LEADER = "qorgau.outbox.relay.leader";

    /** Counter: failed publications of outbox rows. */
    public static final String OUTBOX_PUBLISH_FAILURES = "qorgau.outbox.publish.failures";

    /** Timer: from an outbox row's send to the broker's acknowledgement. */
    public static final String OUTBOX_PUBLISH = "qorgau.outbox.publish";

    /** Tag: a topic's catalogue name, without the test namespace. */
    public static final String TOPIC = "topic";

    /** Tag: why, as an exception's simple class name or a code, never a message. */
    public static final String REASON = "reason";

    private MetricNames() {}

    /** Micrometer's Prometheus name of a counter: dots become underscores, plus {@code _total}. */
    public static String prometheusCounter(String name) {
        return name.replace('.', '_') + "_total";
    }
}
