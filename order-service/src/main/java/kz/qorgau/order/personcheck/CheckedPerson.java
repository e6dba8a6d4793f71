package kz.qorgau.order.personcheck;

import kz.qorgau.order.protectiveorder.PersonDocument;

/**
 * How the checked person is named: by IIN, or by an identity document for a person without one
 * (docs/adr/0035); each found through its blind index, never compared in clear, never guessed by name.
 */
sealed interface CheckedPerson {

    /** By the IIN's blind index: no IIN is stored or compared in clear. */
    record ByIin(String iin) implements CheckedPerson {

        @Override
        public String toString() {
            return "ByIin[redacted]";
        }
    }

    /** By the document's blind index: type, citizenship and number. */
    record ByDocument(PersonDocument document) implements CheckedPerson {

        @Override
        public String toString() {
            return "ByDocument[redacted]";
        }
    }
}
