package kz.qorgau.kit.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A bearer token's authentication whose principal is the {@link Staff} it names; still a {@link
 * JwtAuthenticationToken}, so the token, its claims and the {@code ROLE_*} authorities stay where Spring
 * Security looks for them.
 */
public final class StaffAuthentication extends JwtAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final Staff staff;

    StaffAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Staff staff) {
        super(jwt, authorities, staff.subject());
        this.staff = staff;
    }

    @Override
    public Staff getPrincipal() {
        return staff;
    }
}
