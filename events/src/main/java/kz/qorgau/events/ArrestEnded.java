package kz.qorgau.events;

import java.time.Instant;

/**
 * The offender's administrative arrest ended; the offender is free again, which the victim and the unit
 * should know. Published by order-service on {@code qorgau.orders}, keyed by the order id.
 *
 * @param orderId the order's id; also the CloudEvents subject and the Kafka key.
 * @param orderNumber human-facing registration number of the order.
 * @param district code of the administrative district the order belongs to.
 * @param policeUnit code of the police unit that issued the order.
 * @param violationId the violation the arrest was for.
 * @param recordedBy personnel id of the supervisor who entered it.
 * @param endedAt when the arrest ended (RFC 3339).
 * @param recordedAt when it was entered (RFC 3339).
 */
public record ArrestEnded(
        String orderId,
        String orderNumber,
        String district,
        String policeUnit,
        String violationId,
        String recordedBy,
        Instant endedAt,
        Instant recordedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.arrest.ended.v1";

    public ArrestEnded {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.uuid(TYPE, "violationId", violationId);
        Checks.text(TYPE, "recordedBy", recordedBy, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "endedAt", endedAt);
        Checks.required(TYPE, "recordedAt", recordedAt);
        Checks.notAfter(TYPE, "endedAt", endedAt, "recordedAt", recordedAt);
    }
}
