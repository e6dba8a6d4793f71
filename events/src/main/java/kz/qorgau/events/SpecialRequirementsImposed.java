package kz.qorgau.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A court imposed special requirements for the offender's behaviour. Published by order-service on
 * {@code qorgau.orders}, keyed by the order id of the protective order that led to them, or, when an
 * administrative case led to them, by their own requirements id ({@link #subject()}).
 *
 * @param orderId the protective order that led to them (UUID string); null or absent when none did.
 * @param requirementsId the special requirements' id; the CloudEvents subject and the Kafka key when there is no orderId.
 * @param administrativeCase the administrative case that led to them, as its number; null or absent when a protective order did.
 * @param district code of the administrative district that supervises them.
 * @param court code of the court that imposed them.
 * @param caseNumber the court's case number.
 * @param imposedBy personnel id of the court clerk who entered them.
 * @param bans what the offender is forbidden; at least one, no duplicates.
 * @param decisionDate the day of the court's decision (ISO 8601 date).
 * @param effectiveFrom when they come into force (RFC 3339): the start of the effective day in Asia/Almaty.
 * @param validUntil when they stop being in force (RFC 3339); after effectiveFrom.
 * @param legalBasis the provision they are imposed under.
 * @param recordedAt when they were entered into the registry (RFC 3339).
 */
public record SpecialRequirementsImposed(
        String orderId,
        String requirementsId,
        String administrativeCase,
        String district,
        String court,
        String caseNumber,
        String imposedBy,
        List<Ban> bans,
        LocalDate decisionDate,
        Instant effectiveFrom,
        Instant validUntil,
        LegalBasis legalBasis,
        Instant recordedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.special.requirements.imposed.v1";

    public SpecialRequirementsImposed {
        Checks.measureLink(TYPE, orderId, "requirementsId", requirementsId);
        Checks.optionalText(TYPE, "administrativeCase", administrativeCase, Checks.MAX_CODE_LENGTH);
        if (orderId == null && administrativeCase == null) {
            throw new EventContractException(TYPE, "administrativeCase", "is required without an orderId");
        }
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "court", court, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "caseNumber", caseNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "imposedBy", imposedBy, Checks.MAX_CODE_LENGTH);
        bans = Checks.nonEmptyDistinct(TYPE, "bans", bans);
        Checks.required(TYPE, "decisionDate", decisionDate);
        Checks.required(TYPE, "effectiveFrom", effectiveFrom);
        Checks.required(TYPE, "validUntil", validUntil);
        Checks.required(TYPE, "legalBasis", legalBasis);
        Checks.required(TYPE, "recordedAt", recordedAt);
        Checks.after(TYPE, "validUntil", validUntil, "effectiveFrom", effectiveFrom);
    }

    @Override
    public String subject() {
        return orderId != null ? orderId : requirementsId;
    }
}
