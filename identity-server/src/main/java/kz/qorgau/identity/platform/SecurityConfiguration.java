package kz.qorgau.identity.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.qorgau.identity.persona.WebClientProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The authorization server's endpoints (authorization, token, JWK set, discovery, introspection, revocation,
 * user info), the login page where a persona signs in for the browser client, and nothing else. Sessions
 * exist only for signing in: the login page and the authorization endpoint it returns to; tokens and every
 * other endpoint are stateless.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String LOGIN_PAGE = "/login";

    private static final String OIDC_DISCOVERY = "/.well-known/openid-configuration";
    private static final String OAUTH_METADATA = "/.well-known/oauth-authorization-server";

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IssuerProperties properties) {
        return AuthorizationServerSettings.builder()
                .issuer(properties.issuer().toString())
                .build();
    }

    /**
     * A browser that asks for a code without being signed in is sent to the login page, which brings it back
     * to the saved authorization request; anything else unauthenticated gets 401 without a body and starts no
     * session. Discovery, the key set and the token endpoint answer cross-origin calls (and their preflight)
     * from the browser client's pages: Swagger UI reads the discovery document and exchanges its code from
     * its own origin.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerEndpoints(
            HttpSecurity http, AuthorizationServerSettings settings, WebClientProperties webClient) throws Exception {
        UrlBasedCorsConfigurationSource cors = new UrlBasedCorsConfigurationSource();
        List<RequestMatcher> preflights = new ArrayList<>();
        for (String path :
                List.of(settings.getTokenEndpoint(), settings.getJwkSetEndpoint(), OIDC_DISCOVERY, OAUTH_METADATA)) {
            cors.registerCorsConfiguration(path, webClient.redirectOrigins());
            preflights.add(PathPatternRequestMatcher.pathPattern(HttpMethod.OPTIONS, path));
        }
        HttpSessionRequestCache authorizationRequests = new HttpSessionRequestCache();
        authorizationRequests.setRequestMatcher(new AndRequestMatcher(
                PathPatternRequestMatcher.pathPattern(HttpMethod.GET, settings.getAuthorizationEndpoint()), browser()));
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(
                            new OrRequestMatcher(server.getEndpointsMatcher(), new OrRequestMatcher(preflights)));
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .cors(corsConfigurer -> corsConfigurer.configurationSource(cors))
                .requestCache(requestCache -> requestCache.requestCache(authorizationRequests))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .exceptionHandling(
                        exceptions -> exceptions.authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
                                .addEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), browser())
                                .defaultEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                                .build()));
        return http.build();
    }

    /** Only a request that explicitly accepts HTML is a browser's; {@code *}{@code /*} (curl, scripts) is not. */
    private static RequestMatcher browser() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }

    /**
     * Spring Security's login page for the personas (username = client id, LOCAL-ONLY demo password), its
     * stylesheet, sign-out (to switch persona) and the error page the authorization endpoint forwards a
     * request to when it cannot redirect (e.g. an unregistered redirect URI). Form and sign-out are
     * protected against cross-site requests.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.securityMatcher(LOGIN_PAGE, "/logout", "/default-ui.css", "/error")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults());
        return http.build();
    }

    /** Health and Prometheus; the management port is not published outside the host (like the services'). */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 2)
    SecurityFilterChain managementEndpoints(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Anything else is refused: 401 without a body. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }
}
