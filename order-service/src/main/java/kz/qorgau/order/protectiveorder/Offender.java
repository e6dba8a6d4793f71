package kz.qorgau.order.protectiveorder;

import java.util.Objects;

/**
 * The person the order is issued against. Personal data: stored apart from the order's other columns
 * (so it can be encrypted at rest) and never logged; {@link #toString()} is redacted.
 *
 * @param iin a valid {@link Iin}
 * @param patronymic may be {@code null}: not everybody has one
 * @param phone the offender's phone (E.164), optional: notices refuse a victim contact equal to it
 */
public record Offender(String iin, String lastName, String firstName, String patronymic, String phone) {

    /** An offender whose phone is not known. */
    public Offender(String iin, String lastName, String firstName, String patronymic) {
        this(iin, lastName, firstName, patronymic, null);
    }

    public Offender {
        if (!Iin.isValid(iin)) {
            throw new IllegalArgumentException("offender IIN is not valid");
        }
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
    }

    @Override
    public String toString() {
        return "Offender[redacted]";
    }
}
