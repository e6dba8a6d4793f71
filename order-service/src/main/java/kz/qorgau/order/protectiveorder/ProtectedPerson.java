package kz.qorgau.order.protectiveorder;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The victim as an order shows them: who, not how to reach them. Contacts are read apart, by a
 * supervisor stating a purpose, and every such read is audited. {@link #toString()} is redacted.
 */
@Schema(name = "ProtectedPerson", description = "The person the order protects (contacts are read apart).")
public record ProtectedPerson(
        @Schema(description = "The victim's IIN; absent for a victim recorded by document.", nullable = true)
                String iin,
        String lastName,
        String firstName,
        String patronymic,
        @Schema(description = "The victim's stated opinion, as recorded on issue.", nullable = true)
                String statedOpinion,
        @Schema(description = "For a victim without an IIN: their identity document.", nullable = true)
                PersonDocument document) {

    public static ProtectedPerson of(Victim victim) {
        return new ProtectedPerson(
                victim.iin(),
                victim.lastName(),
                victim.firstName(),
                victim.patronymic(),
                victim.statedOpinion(),
                victim.document());
    }

    @Override
    public String toString() {
        return "ProtectedPerson[redacted]";
    }
}
