package kz.qorgau.order.issue;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.qorgau.events.Prohibition;
import kz.qorgau.events.RiskLevel;
import kz.qorgau.kit.problem.Problems.FieldProblem;
import kz.qorgau.order.protectiveorder.ContactChannel;
import kz.qorgau.order.protectiveorder.FamilyMember;
import kz.qorgau.order.protectiveorder.Language;
import kz.qorgau.order.protectiveorder.OffenderIdentity;
import kz.qorgau.order.protectiveorder.PersonDocument;
import kz.qorgau.order.protectiveorder.ValidIin;
import org.hibernate.validator.constraints.UniqueElements;

/**
 * The body of {@code POST /api/v1/orders}. Unknown properties are refused. Codes are machine codes
 * (no spaces, no free text), so they can go on topics and into logs; the district is at most 32
 * characters because the order number embeds it and events cap numbers at 64. The issuing officer is
 * not part of the body: it is whoever the bearer token names.
 */
@Schema(description = "A protective order to issue.")
public record IssueOrderRequest(
        @NotNull @Valid OffenderDetails offender,
        @NotNull @Valid VictimDetails victim,
        @Schema(description = "What the offender is forbidden; at least one, no duplicates.") @NotEmpty @UniqueElements
                List<@NotNull Prohibition> prohibitions,
        @Schema(
                        description = "The minor or incapable members of the family the order also protects; 0 to"
                                + " 10. Personal data.",
                        nullable = true)
                @Size(max = 10)
                List<@NotNull @Valid ProtectedPersonDetails> protectedPersons,
        @Schema(description = "Code of the issuing police unit.", example = "AST-ESIL-UP-02")
                @NotNull
                @Size(max = 64)
                @Pattern(regexp = CODE, message = CODE_MESSAGE)
                String policeUnit,
        @Schema(description = "Code of the administrative district.", example = "AST-ESIL")
                @NotNull
                @Size(max = 32)
                @Pattern(regexp = CODE, message = CODE_MESSAGE)
                String district,
        @Schema(
                        description = "The issuing officer's assessment of the risk; optional. Its re-assessment falls"
                                + " due by level (72 h, 7, 30, 60 days by default).",
                        nullable = true)
                RiskLevel riskLevel) {

    /** Framework debug logging prints request bodies with toString: never the people in them. */
    @Override
    public String toString() {
        return "IssueOrderRequest[district=" + district + ", policeUnit=" + policeUnit + ", personal data redacted]";
    }

    /** Letters, digits, '.', '_' and '-', starting with a letter or digit. */
    static final String CODE = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

    static final String CODE_MESSAGE = "must be a code of letters, digits, '.', '_' or '-'";

    /** No control characters (line breaks, NUL) in names. */
    static final String NAME = "^[^\\p{Cntrl}]*$";

    static final String NAME_MESSAGE = "must not contain control characters";

    @Schema(
            description = "The person the order is issued against, by exactly one of iin, document or unidentified."
                    + " Personal data.")
    public record OffenderDetails(
            @Schema(
                            description = "Individual identification number: 12 digits with a valid check digit.",
                            example = "850703300127",
                            nullable = true)
                    @ValidIin
                    String iin,
            @Schema(example = "Ахметов") @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE)
                    String lastName,
            @Schema(example = "Ерлан") @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE)
                    String firstName,
            @Schema(description = "Optional.", example = "Серикович")
                    @Size(max = 100)
                    @Pattern(regexp = NAME, message = NAME_MESSAGE)
                    String patronymic,
            @Schema(
                            description = "The offender's phone, E.164; optional. Personal data, encrypted at rest;"
                                    + " a victim's SMS contact equal to it is refused.",
                            example = "+77017654321",
                            nullable = true)
                    @Size(max = 16)
                    @Pattern(regexp = "^\\+[1-9][0-9]{7,14}$", message = "must be an E.164 phone number")
                    String phone,
            @Schema(description = "For a person without an IIN: their identity document.", nullable = true) @Valid
                    PersonDocument document,
            @Schema(
                            description = "For a person not yet identified: a description (1 to 500 characters, no"
                                    + " control characters).",
                            nullable = true)
                    @Size(max = OffenderIdentity.MAX_DESCRIPTION)
                    @Pattern(regexp = NAME, message = NAME_MESSAGE)
                    String unidentified) {

        /** A 400 unless exactly one of the IIN, the document or the description names the offender. */
        void requireOneIdentity() {
            OffenderIdentity.required(
                    new OffenderIdentity.Fields("offender.iin", "offender.document", "offender.unidentified"),
                    iin,
                    document,
                    unidentified);
        }

        @Override
        public String toString() {
            return "OffenderDetails[redacted]";
        }
    }

    /**
     * What is wrong with how {@code persons} are named, under {@code field}: each by an IIN, a document, or
     * without either by name and birth date (docs/adr/0037), born by {@code today}.
     */
    public static List<FieldProblem> protectedPersonProblems(
            String field, List<ProtectedPersonDetails> persons, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (persons == null) {
            return problems;
        }
        for (int i = 0; i < persons.size(); i++) {
            ProtectedPersonDetails person = persons.get(i);
            String at = field + "[" + i + "]";
            if (person == null) {
                continue;
            }
            if (person.iin() != null && person.document() != null) {
                problems.add(new FieldProblem(at + ".iin", "name the person by an IIN or a document, not both"));
            }
            if (person.document() != null) {
                problems.addAll(person.document().problems(at + ".document"));
            }
            if (person.iin() == null && person.document() == null && person.birthDate() == null) {
                problems.add(
                        new FieldProblem(at + ".birthDate", "is required for a person without an IIN or a document"));
            }
            if (person.birthDate() != null && person.birthDate().isAfter(today)) {
                problems.add(new FieldProblem(at + ".birthDate", "must not be in the future"));
            }
        }
        return problems;
    }

    @Schema(
            description = "A minor or incapable member of the family the order protects, by iin, by document, or"
                    + " without either by name and birthDate. Personal data.")
    public record ProtectedPersonDetails(
            @Schema(description = "Optional: a young child's IIN may not be at hand.", nullable = true) @ValidIin
                    String iin,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String lastName,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String firstName,
            @Schema(description = "Optional.", nullable = true)
                    @Size(max = 100)
                    @Pattern(regexp = NAME, message = NAME_MESSAGE)
                    String patronymic,
            @Schema(description = "Required for a person named without iin or document.", nullable = true)
                    LocalDate birthDate,
            @Schema(description = "How they belong to the family, as a code.", example = "CHILD")
                    @NotNull
                    @Pattern(regexp = "^[A-Z][A-Z0-9_]{0,31}$", message = "must be an upper-case code")
                    String relation,
            @Schema(description = "For a person without an IIN: their identity document.", nullable = true) @Valid
                    PersonDocument document) {

        /** The stored form. */
        public FamilyMember toFamilyMember() {
            return new FamilyMember(
                    iin,
                    lastName,
                    firstName,
                    patronymic == null || patronymic.isBlank() ? null : patronymic,
                    birthDate,
                    relation,
                    document);
        }

        @Override
        public String toString() {
            return "ProtectedPersonDetails[redacted]";
        }
    }

    @Schema(
            description = "The person the order protects, by exactly one of iin or document. Personal data; travels"
                    + " to notification-service sealed.")
    public record VictimDetails(
            @Schema(example = "900101401238", description = "The victim's IIN; or give document.", nullable = true)
                    @ValidIin
                    String iin,
            @Schema(example = "Ахметова") @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE)
                    String lastName,
            @Schema(example = "Айгерим") @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE)
                    String firstName,
            @Schema(description = "Optional.") @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE)
                    String patronymic,
            @Schema(description = "How to reach the victim, most preferred first; 1 to 10.") @NotEmpty @Size(max = 10)
                    List<@NotNull @Valid ContactDetails> contacts,
            @Schema(
                            description = "The victim's stated opinion, which the order takes into account; up to"
                                    + " 2000 characters, no control characters. Personal data, encrypted at rest.",
                            nullable = true)
                    @Size(max = 2000)
                    @Pattern(regexp = NAME, message = NAME_MESSAGE)
                    String statedOpinion,
            @Schema(
                            description = "For a victim without an IIN (a foreign or stateless person): their identity"
                                    + " document; or give iin.",
                            nullable = true)
                    @Valid
                    PersonDocument document) {

        /** What is wrong with how the victim is named: exactly one of the IIN and a document that can exist. */
        List<FieldProblem> identityProblems() {
            List<FieldProblem> problems = new ArrayList<>();
            if ((iin == null) == (document == null)) {
                problems.add(new FieldProblem(
                        "victim.iin", "name the victim by exactly one of victim.iin or victim.document"));
            }
            if (document != null) {
                problems.addAll(document.problems("victim.document"));
            }
            return problems;
        }

        @Override
        public String toString() {
            return "VictimDetails[redacted]";
        }
    }

    @Schema(description = "One way to reach the victim.")
    @ValidContactAddress
    public record ContactDetails(
            @NotNull ContactChannel channel,
            @Schema(
                            description = "An e-mail address for EMAIL; an E.164 phone number for SMS.",
                            example = "aigerim@example.kz")
                    @NotBlank
                    @Size(max = 254)
                    String address,
            @Schema(description = "ISO 639-1 code: kk, ru or en.", example = "kk") @NotNull
                    Language preferredLanguage) {

        @Override
        public String toString() {
            return "ContactDetails[channel=" + channel + ", redacted]";
        }
    }
}
