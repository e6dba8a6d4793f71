package kz.qorgau.events;

import java.time.Instant;

/**
 * Special requirements reached the end of their term; they are no longer in force. Published once by
 * order-service's scan on {@code qorgau.orders}, keyed like {@link SpecialRequirementsImposed}.
 *
 * @param orderId the protective order that led to them (UUID string); null or absent when none did.
 * @param requirementsId the special requirements' id; the CloudEvents subject and the Kafka key when there is no orderId.
 * @param district code of the administrative district that supervises them.
 * @param validUntil when they stopped being in force (RFC 3339).
 */
public record SpecialRequirementsExpired(String orderId, String requirementsId, String district, Instant validUntil)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.special.requirements.expired.v1";

    public SpecialRequirementsExpired {
        Checks.measureLink(TYPE, orderId, "requirementsId", requirementsId);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "validUntil", validUntil);
    }

    @Override
    public String subject() {
        return orderId != null ? orderId : requirementsId;
    }
}
