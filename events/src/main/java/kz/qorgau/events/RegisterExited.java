package kz.qorgau.events;

import java.time.Instant;

/**
 * An offender left the preventive register: the last of their measures in force ended. Published by
 * order-service on {@code qorgau.orders}, keyed like {@link RegisterEntered}.
 *
 * @param orderId the protective order concerned (UUID string): the measure itself, or the order that led to it; null or absent when none.
 * @param measureId the id of the measure whose end caused the exit (UUID string); the subject when there is no orderId.
 * @param measure what kind of measure ended last.
 * @param district code of the administrative district of that measure.
 * @param exitedAt when that measure ended (RFC 3339).
 */
public record RegisterExited(String orderId, String measureId, Measure measure, String district, Instant exitedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.register.exited.v1";

    public RegisterExited {
        Checks.measureLink(TYPE, orderId, "measureId", measureId);
        Checks.required(TYPE, "measure", measure);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "exitedAt", exitedAt);
    }

    @Override
    public String subject() {
        return orderId != null ? orderId : measureId;
    }
}
