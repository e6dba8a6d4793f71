package kz.qorgau.order.person;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import kz.qorgau.order.protectiveorder.PersonDocument;
import kz.qorgau.order.protectiveorder.ValidIin;

/** Which person of the order (by the document they were recorded by) and the IIN they turned out to have. */
@Schema(
        name = "ProtectedPersonIdentifyRequest",
        description = "The victim or protected person recorded by a document, and the IIN they turned out to have.")
record ProtectedPersonIdentifyRequest(
        @Schema(description = "The document the victim or protected person was recorded by.") @NotNull @Valid
                PersonDocument document,
        @Schema(example = "850703300127", description = "The person's IIN.") @NotNull @ValidIin String iin) {

    @Override
    public String toString() {
        return "ProtectedPersonIdentifyRequest[redacted]";
    }
}
