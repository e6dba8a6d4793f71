package kz.qorgau.events;

import java.time.Instant;
import java.util.List;

/**
 * A person check found the checked person in at least one active protective order: as its offender (the
 * issuing unit learns that the offender was encountered, as NCIC's hit confirmation does) or as a person it
 * protects (a check on a protected person may be a sign of stalking by an insider). Published by
 * order-service on {@code qorgau.access}, in the check's transaction, beside the check's {@link
 * AccessRecorded} and with the same access id (docs/adr/0028).
 *
 * <p><b>Subject and key.</b> The check's access id, as its {@link AccessRecorded}: the check takes no
 * order's row lock, so it cannot take the next number of an order's sequence. {@code subjectseq} is 2 (the
 * access record is 1). Consumers that act per order cannot rely on the topic's order between orders: a hit
 * is a fact about a moment, not a change of an order.
 *
 * <p>No victim data: not who is protected, not where; the checked person's IIN is not in it either (the
 * matched orders name the offender to those who may read them).
 *
 * @param accessId the check's access id (UUID string): its {@link AccessRecorded#accessId()}
 * @param checkedAt when the check was made
 * @param checker who checked, pseudonymously, with their district
 * @param personWas how the checked person appears in the matched orders
 * @param matches the active orders that matched; at least one, no duplicates
 */
public record PersonCheckHit(
        String accessId, Instant checkedAt, AccessRecorded.Accessor checker, PersonRole personWas, List<Match> matches)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.access.person.check.hit.v1";

    public PersonCheckHit {
        Checks.uuid(TYPE, "accessId", accessId);
        Checks.required(TYPE, "checkedAt", checkedAt);
        Checks.required(TYPE, "checker", checker);
        Checks.required(TYPE, "personWas", personWas);
        matches = Checks.nonEmptyDistinct(TYPE, "matches", matches);
    }

    /** A hit concerns orders, but no single one: see {@link #subject()}. */
    @Override
    public String orderId() {
        return null;
    }

    @Override
    public String subject() {
        return accessId;
    }

    /** How the checked person appears in the matched orders. */
    public enum PersonRole {
        OFFENDER,
        PROTECTED_PERSON
    }

    /**
     * One matched order: whom to tell.
     *
     * @param orderId the order's id (UUID string)
     * @param orderNumber the order's registration number, which the police look it up by
     * @param district the order's district code
     * @param policeUnit the code of the unit that issued it
     */
    public record Match(String orderId, String orderNumber, String district, String policeUnit) {

        public Match {
            Checks.uuid(null, "orderId", orderId);
            Checks.text(null, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
            Checks.text(null, "district", district, Checks.MAX_CODE_LENGTH);
            Checks.text(null, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        }
    }
}
