package kz.qorgau.order.access;

import java.util.Optional;

/**
 * What a member of staff may do, from the {@code roles} claim of their token (docs/adr/0010).
 * Method security names these through {@link Authorities}.
 */
public enum Role {
    /** Issues, serves and records checks and violations in their own district; person check anywhere. */
    OFFICER,
    /** What officers do, plus amend, revoke and void, and read victim contacts in their district. */
    SUPERVISOR,
    /** Imposes and extends special requirements. */
    COURT,
    /** Statistics and dead-letter operations; never personal data. */
    OPERATOR,
    /** Reads the audit trail and its proofs. */
    AUDITOR;

    public String authority() {
        return Authorities.PREFIX + name();
    }

    /** The role an authority names, if it names one. */
    public static Optional<Role> fromAuthority(String authority) {
        if (authority == null || !authority.startsWith(Authorities.PREFIX)) {
            return Optional.empty();
        }
        String name = authority.substring(Authorities.PREFIX.length());
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
