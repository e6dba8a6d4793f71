package kz.qorgau.events.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of Kafka topics: the one place topic names, sizes and owners are defined.
 *
 * <p>The {@code *_TOPIC} string constants exist for annotation attributes such as {@code
 * @KafkaListener(topics = Topics.ORDERS_TOPIC)}, which need compile-time constants.
 */
public final class Topics {

    /** Spring Kafka 4's {@code DeadLetterPublishingRecoverer} default suffix (it was {@code .DLT} before 3.3). */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    public static final String ORDERS_TOPIC = "qorgau.orders";
    public static final String ORDERS_DLT_TOPIC = ORDERS_TOPIC + DEAD_LETTER_SUFFIX;
    public static final String NOTIFICATIONS_TOPIC = "qorgau.notifications";
    public static final String NOTIFICATIONS_DLT_TOPIC = NOTIFICATIONS_TOPIC + DEAD_LETTER_SUFFIX;
    public static final String ACCESS_TOPIC = "qorgau.access";
    public static final String ACCESS_DLT_TOPIC = ACCESS_TOPIC + DEAD_LETTER_SUFFIX;

    public static final String ORDER_SERVICE = "order-service";
    public static final String NOTIFICATION_SERVICE = "notification-service";
    public static final String AUDIT_SERVICE = "audit-service";

    private static final Duration ONE_YEAR = Duration.ofDays(365);
    private static final String KEY_ORDER_ID = "order id (UUID string), equal to the CloudEvents subject";
    private static final String KEY_ORDER_OR_MEASURE_ID = "order id (UUID string) of the protective order the"
            + " event concerns; for special requirements or a ban on approaching imposed without one, and the register"
            + " events they cause and a PersonIdentified about them, the measure's own id (requirementsId, banId,"
            + " measureId; a PersonIdentified about a victim or protected person is always the order's id);"
            + " equal to the CloudEvents"
            + " subject";
    private static final String KEY_ORDER_OR_ACCESS_ID = "order id (UUID string) when the access concerns one order,"
            + " otherwise the access id (UUID string); equal to the CloudEvents subject";

    /** Protective order lifecycle events. */
    public static final TopicSpec ORDERS = new TopicSpec(
            ORDERS_TOPIC,
            6,
            ONE_YEAR,
            KEY_ORDER_OR_MEASURE_ID,
            EventTypes.typesOn(ORDERS_TOPIC),
            ORDER_SERVICE,
            List.of(NOTIFICATION_SERVICE, AUDIT_SERVICE));

    /** Outcomes of notifications about orders. */
    public static final TopicSpec NOTIFICATIONS = new TopicSpec(
            NOTIFICATIONS_TOPIC,
            6,
            ONE_YEAR,
            KEY_ORDER_ID,
            EventTypes.typesOn(NOTIFICATIONS_TOPIC),
            NOTIFICATION_SERVICE,
            List.of(AUDIT_SERVICE));

    /**
     * Every read of a victim's personal data, every person check and every emergency ("break glass")
     * access, for the audit trail, and a person check's hits ({@link kz.qorgau.events.PersonCheckHit}). Keyed by
     * order where an access concerns one order, so an order's accesses stay in order ({@link
     * kz.qorgau.events.AccessRecorded}); a person check and its hit by the check's access id.
     */
    public static final TopicSpec ACCESS = new TopicSpec(
            ACCESS_TOPIC,
            6,
            ONE_YEAR,
            KEY_ORDER_OR_ACCESS_ID,
            EventTypes.typesOn(ACCESS_TOPIC),
            ORDER_SERVICE,
            List.of(NOTIFICATION_SERVICE, AUDIT_SERVICE));

    private static final List<TopicSpec> ALL = List.of(ORDERS, NOTIFICATIONS, ACCESS);

    private Topics() {}

    /** Every topic (without dead-letter topics; derive those with {@link #deadLetterTopic}). */
    public static List<TopicSpec> all() {
        return ALL;
    }

    /** The topic with this name, if it is in the catalogue. */
    public static Optional<TopicSpec> byName(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    /**
     * A topic's real name inside a namespace: the name itself for the empty (production)
     * namespace, {@code <namespace>.<topic>} otherwise. Tests give each class its own namespace so
     * that classes sharing a broker never see each other's records (docs/adr/0005).
     */
    public static String inNamespace(String namespace, String topic) {
        if (namespace == null || namespace.isEmpty()) {
            return topic;
        }
        if (!namespace.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("a namespace is 1-32 lower-case letters, digits, '_' or '-'");
        }
        return namespace + "." + topic;
    }

    /** The dead-letter topic of {@code topic}: {@code topic + "-dlt"}, with the same partition count. */
    public static String deadLetterTopic(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
