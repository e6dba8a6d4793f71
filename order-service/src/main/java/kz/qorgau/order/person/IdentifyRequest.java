package kz.qorgau.order.person;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import kz.qorgau.order.protectiveorder.ValidIin;

/** The body of a link to an IIN: in the body, not the URL, so the IIN stays out of access logs. */
@Schema(
        name = "IdentifyRequest",
        description = "The IIN the offender of a measure recorded without one turned out to have.")
record IdentifyRequest(
        @Schema(example = "850703300127", description = "The person's IIN.") @NotNull @ValidIin String iin) {

    @Override
    public String toString() {
        return "IdentifyRequest[redacted]";
    }
}
