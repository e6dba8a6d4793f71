package kz.qorgau.notification.access;

/**
 * The roles of the token's {@code roles} claim as Spring Security authorities (docs/adr/0010). No
 * endpoint of this service names a role yet; one that does adds a constant here for {@code @Secured}
 * ({@code ROLE_} and the role as the claim spells it: OFFICER, SUPERVISOR, COURT, OPERATOR, AUDITOR).
 */
public final class Authorities {

    static final String PREFIX = "ROLE_";

    private Authorities() {}

    /** The role an authority names ({@code ROLE_OPERATOR} → {@code OPERATOR}), as the roles claim spells it. */
    static String role(String authority) {
        return authority.startsWith(PREFIX) ? authority.substring(PREFIX.length()) : authority;
    }
}
