package kz.qorgau.events;

import java.time.Instant;

/**
 * An offender entered the preventive register: a measure came into force for an offender who had none
 * in force. Published by order-service on {@code qorgau.orders}, keyed by the order id of the
 * protective order concerned, or by the measure's id when none is ({@link #subject()}).
 *
 * @param orderId the protective order concerned (UUID string): the measure itself, or the order that led to it; null or absent when none.
 * @param measureId the id of the measure that caused the entry (UUID string); the subject when there is no orderId.
 * @param measure what kind of measure caused the entry.
 * @param district code of the administrative district of that measure.
 * @param enteredAt when the measure came into force (RFC 3339).
 */
public record RegisterEntered(String orderId, String measureId, Measure measure, String district, Instant enteredAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.register.entered.v1";

    public RegisterEntered {
        Checks.measureLink(TYPE, orderId, "measureId", measureId);
        Checks.required(TYPE, "measure", measure);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "enteredAt", enteredAt);
    }

    @Override
    public String subject() {
        return orderId != null ? orderId : measureId;
    }
}
