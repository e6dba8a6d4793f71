package kz.qorgau.order.personcheck;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.qorgau.events.AccessRecorded;
import kz.qorgau.events.PersonCheckHit.PersonRole;
import kz.qorgau.order.protectiveorder.ValidIin;

/**
 * The body of a person check (version 2): in the body, not the URL, so the IIN stays out of access logs.
 *
 * <p>People are found by IIN only. A document number (a passport, a residence permit) for people without an
 * IIN needs the orders to keep a document's blind index first; it will come as another way to name the
 * person here, and as another {@link CheckedPerson}, never as a guess by name.
 */
@Schema(name = "PersonCheckRequest", description = "The person to check, as whom, and why.")
record PersonCheckRequest(
        @Schema(example = "850703300127", description = "The person's IIN.") @NotNull @ValidIin String iin,
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

    CheckedPerson person() {
        return new CheckedPerson.ByIin(iin);
    }

    @Override
    public String toString() {
        return "PersonCheckRequest[redacted]";
    }
}
