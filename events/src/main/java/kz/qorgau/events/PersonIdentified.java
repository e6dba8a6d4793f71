package kz.qorgau.events;

import java.time.Instant;

/**
 * A person of a measure, recorded without an IIN (by a document, or as unidentified), was linked to an IIN: its
 * offender, or, for a protective order, its victim or another protected person recorded by a document ({@link
 * #person()}, docs/adr/0039).
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
 * @param person whose record was linked; null or absent means {@code OFFENDER}, all that version 1 first knew (an
 *     optional field: still v1, docs/adr/0039).
 */
public record PersonIdentified(
        String orderId,
        String measureId,
        Measure measure,
        String district,
        RecordedAs identifiedAs,
        String identifiedBy,
        Instant identifiedAt,
        Person person)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.person.identified.v1";

    /** How a person without an IIN had been recorded. */
    public enum RecordedAs {
        DOCUMENT,
        UNIDENTIFIED
    }

    /** Whose record of the measure was linked. */
    public enum Person {
        OFFENDER,
        /** The victim of a protective order. */
        VICTIM,
        /** Another person a protective order protects (a minor or incapable family member). */
        PROTECTED_PERSON
    }

    public PersonIdentified {
        Checks.measureLink(TYPE, orderId, "measureId", measureId);
        Checks.required(TYPE, "measure", measure);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "identifiedAs", identifiedAs);
        Checks.text(TYPE, "identifiedBy", identifiedBy, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "identifiedAt", identifiedAt);
        if (person != null && person != Person.OFFENDER) {
            if (measure != Measure.PROTECTIVE_ORDER) {
                throw new EventContractException(TYPE, "person", "names a victim only of a protective order");
            }
            if (identifiedAs != RecordedAs.DOCUMENT) {
                throw new EventContractException(TYPE, "identifiedAs", "is DOCUMENT for a victim or protected person");
            }
        }
    }

    /** An offender's link, as version 1 first published it. */
    public PersonIdentified(
            String orderId,
            String measureId,
            Measure measure,
            String district,
            RecordedAs identifiedAs,
            String identifiedBy,
            Instant identifiedAt) {
        this(orderId, measureId, measure, district, identifiedAs, identifiedBy, identifiedAt, null);
    }

    /** Whose record was linked: the offender's when the field is absent. */
    public Person linked() {
        return person == null ? Person.OFFENDER : person;
    }

    @Override
    public String subject() {
        return orderId != null ? orderId : measureId;
    }
}
