package kz.qorgau.order.protectiveorder;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems.FieldProblem;
import kz.qorgau.order.atrest.PersonalDataVault;

/**
 * Who an offender is for the registry (docs/adr/0035): by IIN; or, without one, by an identity document; or
 * unidentified, with a description. Exactly one at recording; a record made without an IIN may be linked to one
 * later, and then keeps its document too.
 *
 * <p>Every measure's row keeps the person's key in {@code offender_iin_index}: the IIN's blind index, or while no
 * IIN is known the document's blind index (another HMAC domain, so the two never meet), or for an unidentified
 * person 32 random bytes that match nobody. Linking replaces the key with the IIN's; the document's own blind
 * index stays in {@code offender_document_index}, so the person check finds the person by either.
 */
public record OffenderIdentity(String iin, PersonDocument document, String description) {

    /** The longest description of an unidentified person. */
    public static final int MAX_DESCRIPTION = 500;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The field names a request uses, for its problems. */
    public record Fields(String iin, String document, String unidentified) {}

    /** The field names of a court's measure (special requirements, a ban on approaching). */
    public static final Fields COURT_MEASURE = new Fields("offenderIin", "offenderDocument", "offenderUnidentified");

    /** The identity a request names; a 400 with its {@link #problems} unless exactly one way names the offender. */
    public static OffenderIdentity required(Fields fields, String iin, PersonDocument document, String description) {
        List<FieldProblem> problems = problems(fields, iin, document, description);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new OffenderIdentity(iin, document, description);
    }

    /**
     * What is wrong with the way a request names its offender: exactly one of an IIN, a document or a
     * description; a known citizenship; a stateless person's certificate only for a stateless person; a
     * description that is text. Bean Validation has already checked each field's shape.
     */
    public static List<FieldProblem> problems(Fields fields, String iin, PersonDocument document, String description) {
        List<FieldProblem> problems = new ArrayList<>();
        int named = (iin != null ? 1 : 0) + (document != null ? 1 : 0) + (description != null ? 1 : 0);
        if (named != 1) {
            problems.add(new FieldProblem(
                    fields.iin(),
                    "name the offender by exactly one of " + fields.iin() + ", " + fields.document() + " or "
                            + fields.unidentified()));
        }
        if (document != null) {
            problems.addAll(document.problems(fields.document()));
        }
        if (description != null && (description.isBlank() || description.length() > MAX_DESCRIPTION)) {
            problems.add(
                    new FieldProblem(fields.unidentified(), "must be 1 to " + MAX_DESCRIPTION + " characters of text"));
        }
        return problems;
    }

    public OffenderIdentity {
        if (iin != null && !Iin.isValid(iin)) {
            throw new IllegalArgumentException("offender IIN is not valid");
        }
        if (iin == null && document == null && (description == null || description.isBlank())) {
            throw new IllegalArgumentException("an offender without an IIN needs a document or a description");
        }
    }

    /** How the offender was recorded, before any link to an IIN. */
    public boolean byDocument() {
        return document != null;
    }

    /** The person's key for a new row: the IIN's blind index, the document's, or random for an unidentified person. */
    public byte[] personIndex(PersonalDataVault vault) {
        if (iin != null) {
            return vault.blindIndex(iin);
        }
        if (document != null) {
            return vault.documentBlindIndex(document.canonical());
        }
        byte[] nobody = new byte[32];
        RANDOM.nextBytes(nobody);
        return nobody;
    }

    /** The document's blind index, or {@code null} without a document. */
    public byte[] documentIndex(PersonalDataVault vault) {
        return document == null ? null : vault.documentBlindIndex(document.canonical());
    }

    /** How a request names the offender: {@code null} for an unidentified one, whom no index finds. */
    public OffenderIndex index(PersonalDataVault vault) {
        if (iin != null) {
            return OffenderIndex.ofIin(vault, iin);
        }
        return document == null ? null : OffenderIndex.ofDocument(vault, document);
    }

    @Override
    public String toString() {
        return "OffenderIdentity[redacted]";
    }
}
