package kz.qorgau.events;

import java.time.Instant;
import java.util.List;

/**
 * A breach of the order was reported, by an officer or from a 102 call. It is an administrative offence
 * under the legal basis given (art. 461 of the Code of Administrative Offences in 2026). Published by
 * order-service on {@code qorgau.orders}, keyed by the order id.
 *
 * @param orderId the order's id; also the CloudEvents subject and the Kafka key.
 * @param orderNumber human-facing registration number of the order.
 * @param district code of the administrative district the order belongs to.
 * @param policeUnit code of the police unit that issued the order.
 * @param violationId the violation's id; later confirmation and arrest events name it.
 * @param source who reported it: an officer, or a call to 102.
 * @param reportedBy personnel id of the officer who entered the report.
 * @param breached which prohibitions were breached, as far as known; may be empty, no duplicates.
 * @param legalBasis the provision the violation falls under, as codes (law, article, edition).
 * @param occurredAt when the violation happened (RFC 3339).
 * @param recordedAt when it was entered into the registry (RFC 3339).
 */
public record ViolationReported(
        String orderId,
        String orderNumber,
        String district,
        String policeUnit,
        String violationId,
        Source source,
        String reportedBy,
        List<Prohibition> breached,
        LegalBasis legalBasis,
        Instant occurredAt,
        Instant recordedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.violation.reported.v1";

    public ViolationReported {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.uuid(TYPE, "violationId", violationId);
        Checks.required(TYPE, "source", source);
        Checks.text(TYPE, "reportedBy", reportedBy, Checks.MAX_CODE_LENGTH);
        breached = Checks.distinct(TYPE, "breached", breached);
        Checks.required(TYPE, "legalBasis", legalBasis);
        Checks.required(TYPE, "occurredAt", occurredAt);
        Checks.required(TYPE, "recordedAt", recordedAt);
        Checks.notAfter(TYPE, "occurredAt", occurredAt, "recordedAt", recordedAt);
    }

    /** Who reported it: an officer, or a call to 102. */
    public enum Source {
        OFFICER,
        CALL_102
    }
}
