package kz.qorgau.events;

/**
 * The legal provision an order was issued under, as codes (not prose), so readers can match them.
 *
 * @param law the law's code, e.g. {@code KZ-214-IV}
 * @param article the article within the law, e.g. {@code 20}
 * @param version the law's edition in force, e.g. the date of the last amendment {@code 2024-06-16}
 */
public record LegalBasis(String law, String article, String version) {

    public LegalBasis {
        // The type is not known here (the record is shared); the codec adds it when it wraps the error.
        Checks.text(null, "law", law, Checks.MAX_CODE_LENGTH);
        Checks.text(null, "article", article, Checks.MAX_CODE_LENGTH);
        Checks.text(null, "version", version, Checks.MAX_CODE_LENGTH);
    }
}
