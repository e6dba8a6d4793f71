package kz.qorgau.events;

import java.time.Instant;

/**
 * A court banned a suspect or an accused person from approaching the victim (criminal procedure), at a
 * distance it set. Published by order-service on {@code qorgau.orders}, keyed by the order id of the
 * protective order it concerns, or by its own ban id when none ({@link #subject()}).
 *
 * @param orderId the protective order it concerns (UUID string); null or absent when none.
 * @param banId the ban's id; the CloudEvents subject and the Kafka key when there is no orderId.
 * @param criminalCase the criminal case it was imposed in, as its number; null or absent when an orderId is given.
 * @param district code of the administrative district whose police enforce it.
 * @param court code of the court that imposed it.
 * @param caseNumber the court's case number.
 * @param imposedBy personnel id of the court clerk who entered it.
 * @param distanceMeters how near the offender may not come to the victim, in metres; at least 1.
 * @param effectiveFrom when it came into force (RFC 3339).
 * @param validUntil when it ends (RFC 3339), if the court set a term; null or absent until the court ends it.
 * @param recordedAt when it was entered into the registry (RFC 3339).
 */
public record ApproachBanImposed(
        String orderId,
        String banId,
        String criminalCase,
        String district,
        String court,
        String caseNumber,
        String imposedBy,
        int distanceMeters,
        Instant effectiveFrom,
        Instant validUntil,
        Instant recordedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.approach.ban.imposed.v1";

    public ApproachBanImposed {
        Checks.measureLink(TYPE, orderId, "banId", banId);
        Checks.optionalText(TYPE, "criminalCase", criminalCase, Checks.MAX_CODE_LENGTH);
        if (orderId == null && criminalCase == null) {
            throw new EventContractException(TYPE, "criminalCase", "is required without an orderId");
        }
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "court", court, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "caseNumber", caseNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "imposedBy", imposedBy, Checks.MAX_CODE_LENGTH);
        Checks.positive(TYPE, "distanceMeters", distanceMeters);
        Checks.required(TYPE, "effectiveFrom", effectiveFrom);
        Checks.required(TYPE, "recordedAt", recordedAt);
        Checks.after(TYPE, "validUntil", validUntil, "effectiveFrom", effectiveFrom);
    }

    @Override
    public String subject() {
        return orderId != null ? orderId : banId;
    }
}
