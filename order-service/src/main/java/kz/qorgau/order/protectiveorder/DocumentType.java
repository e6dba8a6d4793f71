package kz.qorgau.order.protectiveorder;

/** The kinds of identity document a person without an IIN is recorded by: a bounded set, never free text. */
public enum DocumentType {
    PASSPORT,
    RESIDENCE_PERMIT,
    /** A stateless person's certificate: its citizenship is always {@code stateless}. */
    STATELESS_CERTIFICATE,
    FOREIGN_ID,
    OTHER
}
