package kz.qorgau.order.personcheck;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.qorgau.events.AccessRecorded;
import kz.qorgau.events.PersonCheckHit.PersonRole;
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
        PersonDocument.requireOneOf(iin, document);
        return iin != null ? new CheckedPerson.ByIin(iin) : new CheckedPerson.ByDocument(document);
    }

    @Override
    public String toString() {
        return "PersonCheckRequest[redacted]";
    }
}
