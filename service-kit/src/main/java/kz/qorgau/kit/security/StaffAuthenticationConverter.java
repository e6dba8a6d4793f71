package kz.qorgau.kit.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import kz.qorgau.events.StaffClaims;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Makes the member of staff a token names the request's principal: subject, roles and district from the
 * claims of {@link StaffClaims}. The {@code roles} claim becomes {@code ROLE_*} authorities, so that
 * {@code @Secured} and {@code hasRole} work as before; roles no {@link Role} names give authorities but no
 * role of the {@link Staff}. The claims were checked by {@link StaffClaimsValidator} already.
 */
public final class StaffAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();

    public StaffAuthenticationConverter() {
        authorities.setAuthoritiesClaimName(StaffClaims.ROLES);
        authorities.setAuthorityPrefix(Authorities.PREFIX);
    }

    @Override
    public StaffAuthentication convert(Jwt jwt) {
        Collection<GrantedAuthority> granted = authorities.convert(jwt);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        granted.forEach(
                authority -> Role.fromAuthority(authority.getAuthority()).ifPresent(roles::add));
        String district = jwt.getClaimAsString(StaffClaims.DISTRICT);
        Staff staff = new Staff(
                jwt.getClaimAsString(StaffClaims.SUBJECT),
                roles,
                district == null || district.isBlank() ? null : district);
        return new StaffAuthentication(jwt, granted, staff);
    }
}
