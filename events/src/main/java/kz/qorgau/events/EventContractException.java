package kz.qorgau.events;

/**
 * An event does not honour the contract: unknown type, unreadable data, a missing or invalid field,
 * or envelope attributes that contradict each other. Retrying cannot fix it, so consumers should
 * treat it as not retryable and send the record to the dead-letter topic.
 *
 * <p>Messages name the event type and field but never echo field values, because exception messages
 * end up in dead-letter headers and logs.
 */
public class EventContractException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String eventType;
    private final String field;
    private final String problem;

    public EventContractException(String eventType, String field, String problem) {
        this(eventType, field, problem, null);
    }

    public EventContractException(String eventType, String field, String problem, Throwable cause) {
        super(describe(eventType, field, problem), cause);
        this.eventType = eventType;
        this.field = field;
        this.problem = problem;
    }

    /** The CloudEvents type concerned, or {@code null} when not known. */
    public String eventType() {
        return eventType;
    }

    /** The field or attribute concerned (e.g. {@code prohibitions[0]}, {@code ce_subject}), or {@code null}. */
    public String field() {
        return field;
    }

    /** What is wrong, without the type and field prefix (e.g. {@code must be a UUID}). */
    public String problem() {
        return problem;
    }

    private static String describe(String eventType, String field, String problem) {
        StringBuilder message = new StringBuilder("Event contract violated");
        if (eventType != null) {
            message.append(" [type=").append(eventType).append(']');
        }
        if (field != null) {
            message.append(" [field=").append(field).append(']');
        }
        return message.append(": ").append(problem).toString();
    }
}
