package kz.qorgau.events;

import java.time.Instant;

/**
 * The offender of a measure, recorded without an IIN (by a document, or as unidentified), was linked to an IIN.
 * Published by order-service on {@code qorgau.orders}, once per measure whose offender was linked, keyed like
 * the measure's other events: by the order id of the protective order concerned, or by the measure's own id
 * when none is ({@link #subject()}). No personal data: neither the IIN nor the document, in clear or sealed;
 * the person check finds the person by either from then on (docs/adr/0035).
 *
 * @param orderId the protective order concerned (UUID string): the measure itself, or the order that led to it; null or absent when none.
 * @param measureId the measure whose offender was linked (UUID string); the subject when there is no orderId.
 * @param measure what kind of measure it is.
 * @param district code of the administrative district of that measure.
 * @param identifiedAs how the offender had been recorded before the link: {@code DOCUMENT} or {@code UNIDENTIFIED}.
 * @param identifiedBy personnel id of the officer or supervisor who linked the record (never a name).
 * @param identifiedAt when the link was recorded (RFC 3339).
 */
public record PersonIdentified(
        String orderId,
        String measureId,
        Measure measure,
        String district,
        RecordedAs identifiedAs,
        String identifiedBy,
        Instant identifiedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.person.identified.v1";

    /** How a person without an IIN had been recorded. */
    public enum RecordedAs {
        DOCUMENT,
        UNIDENTIFIED
    }

    public PersonIdentified {
        Checks.measureLink(TYPE, orderId, "measureId", measureId);
        Checks.required(TYPE, "measure", measure);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "identifiedAs", identifiedAs);
        Checks.text(TYPE, "identifiedBy", identifiedBy, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "identifiedAt", identifiedAt);
    }

    @Override
    public String subject() {
        return orderId != null ? orderId : measureId;
    }
}
