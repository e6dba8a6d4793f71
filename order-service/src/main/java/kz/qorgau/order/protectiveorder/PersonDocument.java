package kz.qorgau.order.protectiveorder;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems.FieldProblem;

/**
 * The identity document of a person without an IIN (docs/adr/0035). Personal data: sealed at rest with the
 * person, found through its own blind index, never on a topic and never in a message; {@link #toString()} is
 * redacted.
 *
 * @param number as printed; spaces and hyphens are ignored when documents are compared
 * @param citizenship ISO 3166-1 alpha-3 code, or {@value #STATELESS}
 */
@Schema(name = "PersonDocument", description = "An identity document of a person without an IIN. Personal data.")
public record PersonDocument(
        @Schema(description = "The kind of document.") @NotNull DocumentType type,
        @Schema(
                        description = "The document's number as printed; letters, digits, spaces, '-' and '/'.",
                        example = "N12345678")
                @NotNull
                @Size(min = 1, max = 32)
                @Pattern(regexp = NUMBER, message = "must be letters and digits, with spaces, '-' or '/'")
                String number,
        @Schema(description = "ISO 3166-1 alpha-3 code of the issuing state, or \"stateless\".", example = "UZB")
                @NotNull
                @Pattern(regexp = "^([A-Z]{3}|stateless)$", message = "must be an ISO 3166-1 alpha-3 code or stateless")
                String citizenship) {

    public static final String STATELESS = "stateless";

    private static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    static final String NUMBER = "^[\\p{L}0-9][\\p{L}0-9 /-]{0,31}$";

    /**
     * The form a document is compared in (its blind index is computed from it): type, citizenship and the
     * number in upper case without spaces and hyphens, so "AB 123-456" and "ab123456" are one document.
     */
    public String canonical() {
        String bare = number.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return type.name() + '\n' + citizenship + '\n' + bare;
    }

    /**
     * A 400 unless exactly one of {@code iin} and {@code document} names a person looked up (a person check, a
     * history), and the document, if any, is one that can exist.
     */
    public static void requireOneOf(String iin, PersonDocument document) {
        List<FieldProblem> problems = new ArrayList<>();
        if ((iin == null) == (document == null)) {
            problems.add(new FieldProblem("iin", "name the person by exactly one of iin or document"));
        }
        if (document != null) {
            problems.addAll(document.problems("document"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /**
     * What Bean Validation cannot tell about a well-formed document, named under {@code field}: a citizenship
     * that is no ISO 3166-1 country, or a stateless person's certificate of a citizen.
     */
    public List<FieldProblem> problems(String field) {
        if (type == null || citizenship == null) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        boolean stateless = citizenship.equals(STATELESS);
        if (!stateless && !COUNTRIES.contains(citizenship)) {
            problems.add(new FieldProblem(field + ".citizenship", "is not an ISO 3166-1 alpha-3 country code"));
        }
        if (type == DocumentType.STATELESS_CERTIFICATE && !stateless) {
            problems.add(
                    new FieldProblem(field + ".citizenship", "must be stateless for a stateless person's certificate"));
        }
        return problems;
    }

    @Override
    public String toString() {
        return "PersonDocument[" + type + ", redacted]";
    }
}
