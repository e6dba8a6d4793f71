package kz.qorgau.kit.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own URL rules for its API, applied by the kit's API chain before its last rule (every
 * other request needs a member of staff). Most rules are {@code @Secured} on the operations instead.
 */
@FunctionalInterface
public interface ApiAuthorization {

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
