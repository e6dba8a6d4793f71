package kz.qorgau.order.access;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a controller method the {@link Staff} its request's token names. */
final class StaffArgumentResolver implements HandlerMethodArgumentResolver {

    static final String DISTRICT_CLAIM = "district";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Staff.class.equals(parameter.getParameterType());
    }

    @Override
    public Staff resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        return current();
    }

    /** The authenticated member of staff; the security filter chain lets no request through without one. */
    static Staff current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("No bearer token authenticated this request");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        token.getAuthorities().forEach(authority -> Role.fromAuthority(authority.getAuthority())
                .ifPresent(roles::add));
        Jwt jwt = token.getToken();
        String district = jwt.getClaimAsString(DISTRICT_CLAIM);
        return new Staff(token.getName(), roles, district == null || district.isBlank() ? null : district);
    }
}
