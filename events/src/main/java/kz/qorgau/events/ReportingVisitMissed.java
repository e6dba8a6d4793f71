package kz.qorgau.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The offender did not report on a scheduled reporting day. Detected the day after, in Asia/Almaty, and
 * published once by order-service's scan on {@code qorgau.orders}, keyed like {@link
 * SpecialRequirementsImposed}.
 *
 * @param orderId the protective order that led to the requirements (UUID string); null or absent when none did.
 * @param requirementsId the special requirements' id; the CloudEvents subject and the Kafka key when there is no orderId.
 * @param district code of the administrative district that supervises them.
 * @param scheduledDay the reporting day without a visit (ISO 8601 date, in Asia/Almaty).
 * @param detectedAt when it was found missed (RFC 3339): the start of the next day in Asia/Almaty.
 */
public record ReportingVisitMissed(
        String orderId, String requirementsId, String district, LocalDate scheduledDay, Instant detectedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.reporting.visit.missed.v1";

    public ReportingVisitMissed {
        Checks.measureLink(TYPE, orderId, "requirementsId", requirementsId);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "scheduledDay", scheduledDay);
        Checks.required(TYPE, "detectedAt", detectedAt);
    }

    @Override
    public String subject() {
        return orderId != null ? orderId : requirementsId;
    }
}
