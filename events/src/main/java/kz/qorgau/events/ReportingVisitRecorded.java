package kz.qorgau.events;

import java.time.Instant;

/**
 * The offender reported to the police as their special requirements demand. Published by order-service
 * on {@code qorgau.orders}, keyed like {@link SpecialRequirementsImposed}.
 *
 * @param orderId the protective order that led to the requirements (UUID string); null or absent when none did.
 * @param requirementsId the special requirements' id; the CloudEvents subject and the Kafka key when there is no orderId.
 * @param district code of the administrative district that supervises them.
 * @param visitId this visit's id (UUID string).
 * @param recordedBy personnel id of the officer who recorded the visit.
 * @param visitedAt when the offender reported (RFC 3339); at most the configured backdating before recordedAt.
 * @param recordedAt when the visit was entered into the registry (RFC 3339).
 */
public record ReportingVisitRecorded(
        String orderId,
        String requirementsId,
        String district,
        String visitId,
        String recordedBy,
        Instant visitedAt,
        Instant recordedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.reporting.visit.recorded.v1";

    public ReportingVisitRecorded {
        Checks.measureLink(TYPE, orderId, "requirementsId", requirementsId);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.uuid(TYPE, "visitId", visitId);
        Checks.text(TYPE, "recordedBy", recordedBy, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "visitedAt", visitedAt);
        Checks.required(TYPE, "recordedAt", recordedAt);
        Checks.notAfter(TYPE, "visitedAt", visitedAt, "recordedAt", recordedAt);
    }

    @Override
    public String subject() {
        return orderId != null ? orderId : requirementsId;
    }
}
