package kz.qorgau.order.personcheck;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import kz.qorgau.order.protectiveorder.ValidIin;

/** The body of a person check: in the body, not the URL, so the IIN stays out of access logs. */
@Schema(name = "PersonCheckRequest", description = "The person to check.")
record PersonCheckRequest(@Schema(example = "850703300127") @NotNull @ValidIin String iin) {

    @Override
    public String toString() {
        return "PersonCheckRequest[redacted]";
    }
}
