package kz.qorgau.order.protectiveorder;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kz.qorgau.order.atrest.PersonalDataVault;

/**
 * A protected person named in the order besides the victim: a minor or incapable member of the family.
 * Personal data, stored encrypted with the victim and never logged; {@link #toString()} is redacted.
 *
 * @param iin a valid {@link Iin}, or {@code null} when not known (a young child may have none at hand)
 * @param birthDate may be {@code null} in rows recorded before a person without an identifier needed one
 * @param document the identity document of a person without an IIN; {@code null} otherwise (docs/adr/0037), but
 *     kept beside the IIN once the person was linked to one (docs/adr/0039)
 * @param relation how they belong to the family, as a code (e.g. {@code CHILD})
 */
@Schema(name = "FamilyMember", description = "A minor or incapable member of the family the order protects.")
public record FamilyMember(
        String iin,
        String lastName,
        String firstName,
        String patronymic,
        LocalDate birthDate,
        String relation,
        PersonDocument document) {

    /** A family member named by IIN, or by name and birth date only. */
    public FamilyMember(
            String iin, String lastName, String firstName, String patronymic, LocalDate birthDate, String relation) {
        this(iin, lastName, firstName, patronymic, birthDate, relation, null);
    }

    public FamilyMember {
        if (iin != null && !Iin.isValid(iin)) {
            throw new IllegalArgumentException("family member IIN is not valid");
        }
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(relation, "relation");
    }

    /** Whether this person was recorded by the document whose canonical form is {@code canonical}. */
    boolean isRecordedBy(String canonical) {
        return document != null && document.canonical().equals(canonical);
    }

    /** The same person, linked to {@code newIin}; the document stays. */
    FamilyMember withIin(String newIin) {
        return new FamilyMember(newIin, lastName, firstName, patronymic, birthDate, relation, document);
    }

    /** The blind indexes that find this person: their IIN's and their document's, either or both, or none. */
    List<byte[]> indexes(PersonalDataVault vault) {
        List<byte[]> indexes = new ArrayList<>(2);
        if (iin != null) {
            indexes.add(vault.blindIndex(iin));
        }
        if (document != null) {
            indexes.add(vault.documentBlindIndex(document.canonical()));
        }
        return indexes;
    }

    /** The blind index that finds this person: their IIN's, their document's, or {@code null} without either. */
    public byte[] personIndex(PersonalDataVault vault) {
        if (iin != null) {
            return vault.blindIndex(iin);
        }
        return document == null ? null : vault.documentBlindIndex(document.canonical());
    }

    @Override
    public String toString() {
        return "FamilyMember[redacted]";
    }
}
