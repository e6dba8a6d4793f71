package kz.qorgau.order.protectiveorder;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A protected person named in the order besides the victim: a minor or incapable member of the family.
 * Personal data, stored encrypted with the victim and never logged; {@link #toString()} is redacted.
 *
 * @param iin a valid {@link Iin}, or {@code null} when not known (a young child may have none at hand)
 * @param birthDate may be {@code null}
 * @param relation how they belong to the family, as a code (e.g. {@code CHILD})
 */
@Schema(name = "FamilyMember", description = "A minor or incapable member of the family the order protects.")
public record FamilyMember(
        String iin, String lastName, String firstName, String patronymic, LocalDate birthDate, String relation) {

    public FamilyMember {
        if (iin != null && !Iin.isValid(iin)) {
            throw new IllegalArgumentException("family member IIN is not valid");
        }
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(relation, "relation");
    }

    @Override
    public String toString() {
        return "FamilyMember[redacted]";
    }
}
