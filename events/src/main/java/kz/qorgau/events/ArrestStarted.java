package kz.qorgau.events;

import java.time.Instant;

/**
 * The offender's administrative arrest for a confirmed violation started. Published by order-service on
 * {@code qorgau.orders}, keyed by the order id.
 *
 * @param orderId the order's id; also the CloudEvents subject and the Kafka key.
 * @param orderNumber human-facing registration number of the order.
 * @param district code of the administrative district the order belongs to.
 * @param policeUnit code of the police unit that issued the order.
 * @param violationId the violation the arrest is for.
 * @param recordedBy personnel id of the supervisor who entered it.
 * @param startedAt when the arrest started (RFC 3339).
 * @param recordedAt when it was entered (RFC 3339).
 */
public record ArrestStarted(
        String orderId,
        String orderNumber,
        String district,
        String policeUnit,
        String violationId,
        String recordedBy,
        Instant startedAt,
        Instant recordedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.arrest.started.v1";

    public ArrestStarted {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.uuid(TYPE, "violationId", violationId);
        Checks.text(TYPE, "recordedBy", recordedBy, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "startedAt", startedAt);
        Checks.required(TYPE, "recordedAt", recordedAt);
        Checks.notAfter(TYPE, "startedAt", startedAt, "recordedAt", recordedAt);
    }
}
