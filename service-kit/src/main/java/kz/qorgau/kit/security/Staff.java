package kz.qorgau.kit.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The member of staff behind a request, as their token names them ({@link kz.qorgau.events.StaffClaims}):
 * a pseudonymous subject, their roles and, for police, their district. The principal of every
 * authenticated request ({@link StaffAuthenticationConverter}): controllers take it as {@code
 * @AuthenticationPrincipal Staff}. Who is asking, not what they may do: the rules stay in the services.
 *
 * @param subject the token's {@code sub}
 * @param district the token's {@code district} claim; {@code null} for staff without one (courts,
 *     operators, auditors)
 */
public record Staff(String subject, Set<Role> roles, String district) {

    public Staff {
        Objects.requireNonNull(subject, "subject");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this person works in {@code orderDistrict} (staff without a district work in none). */
    public boolean worksIn(String orderDistrict) {
        return district != null && district.equals(orderDistrict);
    }

    /** Role names in a stable order, for events. */
    public List<String> roleNames() {
        return roles.stream().sorted().map(Role::name).toList();
    }
}
