package kz.qorgau.order.law;

/**
 * How sure we are of a fact of the law (the marks of {@code domain-notes.md}): shown beside each
 * setting so an unverified default is never mistaken for the statute.
 */
public enum Confidence {
    /** Found in the statute text or an official source. */
    VERIFIED,
    /** From a news item, a law-firm summary or third-party code, not the statute text. */
    SECONDARY,
    /** From general knowledge or not confirmed: check before relying on it. */
    UNVERIFIED,
    /** Not law: a working rule of this system (a safety margin, a reminder time). */
    POLICY
}
