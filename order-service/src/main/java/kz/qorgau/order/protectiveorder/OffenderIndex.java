package kz.qorgau.order.protectiveorder;

import kz.qorgau.order.atrest.PersonalDataVault;

/**
 * How a person check or a history finds an offender's rows: the IIN's blind index in the person's key, or a
 * document's blind index in its own column (docs/adr/0035). The column is one of two constants, never input.
 */
public record OffenderIndex(String column, byte[] value) {

    public static OffenderIndex ofIin(PersonalDataVault vault, String iin) {
        return new OffenderIndex("offender_iin_index", vault.blindIndex(iin));
    }

    public static OffenderIndex ofDocument(PersonalDataVault vault, PersonDocument document) {
        return new OffenderIndex("offender_document_index", vault.documentBlindIndex(document.canonical()));
    }

    @Override
    public String toString() {
        return "OffenderIndex[" + column + "]";
    }
}
