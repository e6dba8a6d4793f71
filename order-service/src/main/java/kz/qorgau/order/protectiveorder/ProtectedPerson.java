package kz.qorgau.order.protectiveorder;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The victim as an order shows them: who, not how to reach them. Contacts are read apart, by a
 * supervisor stating a purpose, and every such read is audited. {@link #toString()} is redacted.
 */
@Schema(name = "ProtectedPerson", description = "The person the order protects (contacts are read apart).")
public record ProtectedPerson(
        String iin,
        String lastName,
        String firstName,
        String patronymic,
        @Schema(description = "The victim's stated opinion, as recorded on issue.", nullable = true)
                String statedOpinion) {

    public static ProtectedPerson of(Victim victim) {
        return new ProtectedPerson(
                victim.iin(), victim.lastName(), victim.firstName(), victim.patronymic(), victim.statedOpinion());
    }

    @Override
    public String toString() {
        return "ProtectedPerson[redacted]";
    }
}
