package kz.qorgau.order.protectiveorder;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import kz.qorgau.order.atrest.PersonalDataVault;

/**
 * The person the order protects. Personal data: stored apart from the order's other columns (so it can
 * be encrypted at rest), travels on topics only sealed, never logged; {@link #toString()} is redacted.
 *
 * @param iin a valid {@link Iin}; {@code null} for a victim recorded by {@code document} (docs/adr/0037) until the
 *     victim is linked to one (docs/adr/0039), when the document stays beside it
 * @param patronymic may be {@code null}
 * @param contacts how to reach the victim, most preferred first; at least one
 * @param statedOpinion the victim's stated opinion, which the order takes into account; may be {@code null}
 * @param protectedPersons the minor or incapable members of the family the order also protects; may be
 *     empty (stored with the victim, so encrypted and rotated with it)
 * @param document the identity document of a victim without an IIN; {@code null} otherwise
 */
public record Victim(
        String iin,
        String lastName,
        String firstName,
        String patronymic,
        List<Contact> contacts,
        String statedOpinion,
        List<FamilyMember> protectedPersons,
        PersonDocument document) {

    /** A victim without a stated opinion or other protected persons. */
    public Victim(String iin, String lastName, String firstName, String patronymic, List<Contact> contacts) {
        this(iin, lastName, firstName, patronymic, contacts, null, List.of(), null);
    }

    public Victim {
        // Both only once a victim recorded by document was linked to an IIN; a request names one (docs/adr/0039).
        if (iin == null ? document == null : !Iin.isValid(iin)) {
            throw new IllegalArgumentException("a victim is named by a valid IIN or by a document");
        }
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        contacts = List.copyOf(contacts);
        if (contacts.isEmpty()) {
            throw new IllegalArgumentException("a victim needs at least one contact");
        }
        // Rows written before protected persons were kept have none.
        protectedPersons = protectedPersons == null ? List.of() : List.copyOf(protectedPersons);
    }

    /** The same victim, reached through {@code newContacts}. */
    public Victim withContacts(List<Contact> newContacts) {
        return new Victim(iin, lastName, firstName, patronymic, newContacts, statedOpinion, protectedPersons, document);
    }

    /** The same victim, with {@code persons} as the order's other protected persons. */
    public Victim withProtectedPersons(List<FamilyMember> persons) {
        return new Victim(iin, lastName, firstName, patronymic, contacts, statedOpinion, persons, document);
    }

    /**
     * The same victim with {@code iin} for the victim and every other protected person recorded by {@code
     * document} who has none yet (docs/adr/0039).
     */
    public Victim linkedToIin(PersonDocument recordedBy, String newIin) {
        String canonical = recordedBy.canonical();
        List<FamilyMember> persons = protectedPersons.stream()
                .map(person -> person.iin() == null && person.isRecordedBy(canonical) ? person.withIin(newIin) : person)
                .toList();
        return new Victim(
                isRecordedBy(canonical) && iin == null ? newIin : iin,
                lastName,
                firstName,
                patronymic,
                contacts,
                statedOpinion,
                persons,
                document);
    }

    /** Whether the victim was recorded by the document whose canonical form is {@code canonical}. */
    public boolean isRecordedBy(String canonical) {
        return document != null && document.canonical().equals(canonical);
    }

    /** The IIN of the victim or the protected person recorded by {@code recordedBy}, if that person has one. */
    public Optional<String> iinOf(PersonDocument recordedBy) {
        String canonical = recordedBy.canonical();
        if (isRecordedBy(canonical)) {
            return Optional.ofNullable(iin);
        }
        return protectedPersons.stream()
                .filter(person -> person.isRecordedBy(canonical))
                .map(FamilyMember::iin)
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** Whether the victim or another protected person was recorded by {@code recordedBy}. */
    public boolean names(PersonDocument recordedBy) {
        String canonical = recordedBy.canonical();
        return isRecordedBy(canonical) || protectedPersons.stream().anyMatch(person -> person.isRecordedBy(canonical));
    }

    /** The victim's key: the IIN's blind index, or without an IIN the document's (another domain). */
    public byte[] personIndex(PersonalDataVault vault) {
        return iin != null ? vault.blindIndex(iin) : vault.documentBlindIndex(document.canonical());
    }

    /** The document's blind index, or {@code null} for a victim with an IIN. */
    public byte[] documentIndex(PersonalDataVault vault) {
        return document == null ? null : vault.documentBlindIndex(document.canonical());
    }

    /**
     * The blind indexes that find the order's other protected persons: each one's IIN or document; none for a
     * person named by name and birth date only.
     */
    public List<byte[]> protectedPersonIndexes(PersonalDataVault vault) {
        return protectedPersons.stream()
                .flatMap(person -> person.indexes(vault).stream())
                .toList();
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
