package kz.qorgau.audit.access;

/**
 * The roles of the token's {@code roles} claim as Spring Security authorities (docs/adr/0010):
 * constants, because {@code @Secured} needs them. Only the roles the audit trail lets in.
 */
public final class Authorities {

    static final String PREFIX = "ROLE_";

    /** Statistics and operations; never personal data. Here: the trail's integrity, not its entries. */
    public static final String OPERATOR = "ROLE_OPERATOR";

    /** Reads the audit trail and its proofs. */
    public static final String AUDITOR = "ROLE_AUDITOR";

    private Authorities() {}

    /** The role an authority names ({@code ROLE_AUDITOR} → {@code AUDITOR}), as the roles claim spells it. */
    static String role(String authority) {
        return authority.startsWith(PREFIX) ? authority.substring(PREFIX.length()) : authority;
    }
}
