package kz.qorgau.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A court extended special requirements within the legal maximum. Published by order-service on {@code
 * qorgau.orders}, keyed like {@link SpecialRequirementsImposed}.
 *
 * @param orderId the protective order that led to them (UUID string); null or absent when none did.
 * @param requirementsId the special requirements' id; the CloudEvents subject and the Kafka key when there is no orderId.
 * @param district code of the administrative district that supervises them.
 * @param court code of the court that extended them.
 * @param caseNumber the court's case number of the extension.
 * @param extendedBy personnel id of the court clerk who entered the extension.
 * @param decisionDate the day of the court's decision (ISO 8601 date).
 * @param previousValidUntil when they would have ended (RFC 3339).
 * @param validUntil when they now end (RFC 3339); after previousValidUntil.
 * @param recordedAt when the extension was entered into the registry (RFC 3339).
 */
public record SpecialRequirementsExtended(
        String orderId,
        String requirementsId,
        String district,
        String court,
        String caseNumber,
        String extendedBy,
        LocalDate decisionDate,
        Instant previousValidUntil,
        Instant validUntil,
        Instant recordedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.special.requirements.extended.v1";

    public SpecialRequirementsExtended {
        Checks.measureLink(TYPE, orderId, "requirementsId", requirementsId);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "court", court, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "caseNumber", caseNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "extendedBy", extendedBy, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "decisionDate", decisionDate);
        Checks.required(TYPE, "previousValidUntil", previousValidUntil);
        Checks.required(TYPE, "validUntil", validUntil);
        Checks.required(TYPE, "recordedAt", recordedAt);
        Checks.after(TYPE, "validUntil", validUntil, "previousValidUntil", previousValidUntil);
    }

    @Override
    public String subject() {
        return orderId != null ? orderId : requirementsId;
    }
}
