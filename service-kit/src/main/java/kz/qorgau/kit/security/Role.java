package kz.qorgau.kit.security;

import java.util.Optional;

/**
 * The roles of the {@code roles} claim of a member of staff's token (docs/adr/0010), the same in every
 * service. Method security names them through {@link Authorities}; what each role may do is each service's rule.
 */
public enum Role {
    /** Police staff of a district. */
    OFFICER,
    /** Police staff who oversee a district's officers. */
    SUPERVISOR,
    /** A court, of no district. */
    COURT,
    /** Runs the services; never sees personal data. */
    OPERATOR,
    /** Reads the audit trail. */
    AUDITOR,
    /** Reads statistics: counts and timings by region and month, never personal data nor a single order. */
    ANALYST;

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
