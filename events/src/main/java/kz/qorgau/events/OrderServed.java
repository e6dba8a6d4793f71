package kz.qorgau.events;

import java.time.Instant;

/**
 * The order was served on the offender: signed for, or a refusal witnessed. It is in force from {@code
 * servedAt} until {@code validUntil}, computed by order-service from its effective-dated configuration.
 * Published by order-service on {@code qorgau.orders}, keyed by the order id.
 *
 * @param orderId the order's id; also the CloudEvents subject and the Kafka key.
 * @param orderNumber human-facing registration number of the order.
 * @param district code of the administrative district the order belongs to.
 * @param policeUnit code of the police unit that issued the order.
 * @param servedBy personnel id of the officer who served the order (never a name).
 * @param method how service was proven: the offender signed, or a refusal was witnessed.
 * @param servedAt when the order was served (RFC 3339); at most the configured backdating before recordedAt.
 * @param recordedAt when the service was entered into the registry (RFC 3339).
 * @param validUntil when the order stops being in force (RFC 3339), computed from servedAt; after servedAt.
 */
public record OrderServed(
        String orderId,
        String orderNumber,
        String district,
        String policeUnit,
        String servedBy,
        Method method,
        Instant servedAt,
        Instant recordedAt,
        Instant validUntil)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.served.v1";

    public OrderServed {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "servedBy", servedBy, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "method", method);
        Checks.required(TYPE, "servedAt", servedAt);
        Checks.required(TYPE, "recordedAt", recordedAt);
        Checks.required(TYPE, "validUntil", validUntil);
        Checks.notAfter(TYPE, "servedAt", servedAt, "recordedAt", recordedAt);
        Checks.after(TYPE, "validUntil", validUntil, "servedAt", servedAt);
    }

    /** How service was proven: the offender signed, or a refusal was witnessed. */
    public enum Method {
        SIGNED,
        REFUSAL_WITNESSED
    }
}
