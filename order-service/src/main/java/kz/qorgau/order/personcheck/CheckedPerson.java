package kz.qorgau.order.personcheck;

/**
 * How the checked person is named. Only by IIN today; people without one (named by a document) come with a
 * document's blind index on the orders, as another permitted record here.
 */
sealed interface CheckedPerson {

    /** By the IIN's blind index: no IIN is stored or compared in clear. */
    record ByIin(String iin) implements CheckedPerson {

        @Override
        public String toString() {
            return "ByIin[redacted]";
        }
    }
}
