package kz.qorgau.events;

import java.time.Instant;

/**
 * A court's ban on approaching ended: its term ran out, or the court ended it. Published by order-service
 * on {@code qorgau.orders}, keyed like {@link ApproachBanImposed}; the end of a term is published once by
 * order-service's scan.
 *
 * @param orderId the protective order it concerns (UUID string); null or absent when none.
 * @param banId the ban's id; the CloudEvents subject and the Kafka key when there is no orderId.
 * @param district code of the administrative district whose police enforced it.
 * @param reason why, as a code: TERM_ENDED, or the court's reason such as COURT_DECISION. A code, not free text.
 * @param endedAt when it stopped being in force (RFC 3339).
 */
public record ApproachBanEnded(String orderId, String banId, String district, String reason, Instant endedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.approach.ban.ended.v1";

    public ApproachBanEnded {
        Checks.measureLink(TYPE, orderId, "banId", banId);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.code(TYPE, "reason", reason);
        Checks.required(TYPE, "endedAt", endedAt);
    }

    @Override
    public String subject() {
        return orderId != null ? orderId : banId;
    }
}
