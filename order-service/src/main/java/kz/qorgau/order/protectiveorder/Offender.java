package kz.qorgau.order.protectiveorder;

import java.util.Objects;

/**
 * The person the order is issued against. Personal data: stored apart from the order's other columns
 * (so it can be encrypted at rest) and never logged; {@link #toString()} is redacted.
 *
 * @param iin a valid {@link Iin}; {@code null} for a person without one until linked (docs/adr/0035)
 * @param patronymic may be {@code null}: not everybody has one
 * @param phone the offender's phone (E.164), optional: notices refuse a victim contact equal to it
 * @param document the identity document of a person recorded without an IIN; {@code null} otherwise
 * @param unidentified the description of a person not yet identified; {@code null} otherwise
 */
public record Offender(
        String iin,
        String lastName,
        String firstName,
        String patronymic,
        String phone,
        PersonDocument document,
        String unidentified) {

    /** An offender whose phone is not known. */
    public Offender(String iin, String lastName, String firstName, String patronymic) {
        this(iin, lastName, firstName, patronymic, null);
    }

    /** An offender with an IIN. */
    public Offender(String iin, String lastName, String firstName, String patronymic, String phone) {
        this(iin, lastName, firstName, patronymic, phone, null, null);
    }

    public Offender {
        new OffenderIdentity(iin, document, unidentified);
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
    }

    /** Who the offender is for the registry. */
    public OffenderIdentity identity() {
        return new OffenderIdentity(iin, document, unidentified);
    }

    /** The same offender, linked to {@code linkedIin}; the document and description stay. */
    public Offender withIin(String linkedIin) {
        return new Offender(linkedIin, lastName, firstName, patronymic, phone, document, unidentified);
    }

    @Override
    public String toString() {
        return "Offender[redacted]";
    }
}
