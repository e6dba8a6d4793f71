package kz.qorgau.order.protectiveorder;

import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The person the order protects. Personal data: stored apart from the order's other columns (so it can
 * be encrypted at rest), travels on topics only sealed, never logged; {@link #toString()} is redacted.
 *
 * @param iin a valid {@link Iin}
 * @param patronymic may be {@code null}
 * @param contacts how to reach the victim, most preferred first; at least one
 */
public record Victim(String iin, String lastName, String firstName, String patronymic, List<Contact> contacts) {

    public Victim {
        if (!Iin.isValid(iin)) {
            throw new IllegalArgumentException("victim IIN is not valid");
        }
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        contacts = List.copyOf(contacts);
        if (contacts.isEmpty()) {
            throw new IllegalArgumentException("a victim needs at least one contact");
        }
    }

    /** "Last First Patronymic", the order in which Kazakh and Russian documents write names. */
    public String fullName() {
        StringJoiner name = new StringJoiner(" ").add(lastName).add(firstName);
        if (patronymic != null && !patronymic.isBlank()) {
            name.add(patronymic);
        }
        return name.toString();
    }

    @Override
    public String toString() {
        return "Victim[redacted]";
    }
}
