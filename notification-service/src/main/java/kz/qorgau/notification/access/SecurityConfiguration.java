package kz.qorgau.notification.access;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every request on the public port needs a valid bearer JWT (docs/adr/0010): today only the OpenAPI
 * document and Swagger UI, since the service has no API of its own yet, but so a new endpoint is born
 * protected. Boot's resource-server configuration checks it (signature from the issuer's JWK set, RS256
 * only, {@code iss}, {@code aud}, {@code exp} and {@code nbf}) and maps the {@code roles} claim to
 * authorities (application.yml); this adds the problem details, the rejection metric and method security
 * for {@code @Secured}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity(securedEnabled = true, prePostEnabled = false)
class SecurityConfiguration {

    /** {@code QORGAU_API_DOCS_PUBLIC=true}: the API description and Swagger UI need no token. */
    static final String PUBLIC_API_DOCS = "qorgau.api-docs.public";

    /**
     * The management port (loopback unless configured otherwise, docs/adr/0014): health, its liveness and
     * readiness groups and the Prometheus scrape answer without a token, for probes and Prometheus; health
     * shows details only to an OPERATOR ({@code show-details: when-authorized}). Everything else, every
     * operation above all, needs an OPERATOR's bearer token; refusals are the API's 401/403 problems.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain managementEndpoints(HttpSecurity http, SecurityProblems problems) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                EndpointRequest.to("health", "prometheus").withHttpMethod(HttpMethod.GET))
                        .permitAll()
                        .anyRequest()
                        .hasRole("OPERATOR"))
                .oauth2ResourceServer(
                        resourceServer -> resourceServer.jwt(jwt -> {}).authenticationEntryPoint(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /**
     * The API's description and Swagger UI without a token, where {@value #PUBLIC_API_DOCS} is true (the
     * launcher sets it, so a browser can load Swagger UI and sign in). Off by default: elsewhere they
     * need a token like everything else. They hold no data, only the description of the API.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    @ConditionalOnBooleanProperty(PUBLIC_API_DOCS)
    SecurityFilterChain publicApiDocs(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain api(
            HttpSecurity http,
            SecurityProblems problems,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> {})
                        .authenticationEntryPoint(problems)
                        // RFC 9728 metadata, the one public path: names the issuer; no mTLS-bound tokens here.
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                                resource -> resource.authorizationServer(issuer)
                                        .resourceName("Qorgau notification-service API")
                                        .tlsClientCertificateBoundAccessTokens(false))))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // Bearer tokens only: no sessions, no cookies, so no CSRF to defend against.
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable());
        return http.build();
    }
}
