package kz.qorgau.order.personcheck;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import kz.qorgau.events.AccessRecorded;
import kz.qorgau.events.PersonCheckHit.PersonRole;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems.FieldProblem;
import kz.qorgau.order.protectiveorder.PersonDocument;
import kz.qorgau.order.protectiveorder.ValidIin;

/**
 * The body of a person check (version 2): in the body, not the URL, so the IIN stays out of access logs.
 *
 * <p>People are found by IIN, or by an identity document for people without one (docs/adr/0035): exactly
 * one of the two, never a guess by name.
 */
@Schema(name = "PersonCheckRequest", description = "The person to check, as whom, and why.")
record PersonCheckRequest(
        @Schema(example = "850703300127", description = "The person's IIN; or give document.", nullable = true)
                @ValidIin
                String iin,
        @Schema(description = "For a person without an IIN: their identity document; or give iin.", nullable = true)
                @Valid
                PersonDocument document,
        @Schema(
                        description = "Whether you check the person as an offender (measures, unserved orders) or as "
                                + "a protected person (protected or not, and whom to call).")
                @NotNull
                PersonRole checkedAs,
        @Schema(
                        example = "Call-out 102-2026-004517",
                        description = "The incident reference, call-out number or purpose of the check, recorded "
                                + "in the audit trail. Do not name people in it.")
                @NotNull
                @Size(min = 3, max = AccessRecorded.MAX_TEXT_LENGTH)
                @Pattern(
                        regexp = "[^\\p{Cntrl}]*\\S[^\\p{Cntrl}]*",
                        message = "must be text without control characters")
                String purpose) {

    /** The person named; a 400 unless exactly one of the IIN and the document names them. */
    CheckedPerson person() {
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
        return iin != null ? new CheckedPerson.ByIin(iin) : new CheckedPerson.ByDocument(document);
    }

    @Override
    public String toString() {
        return "PersonCheckRequest[redacted]";
    }
}
