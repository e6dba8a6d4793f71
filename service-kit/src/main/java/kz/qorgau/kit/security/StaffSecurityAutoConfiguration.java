package kz.qorgau.kit.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The resource-server setup every service shares (docs/adr/0017). Boot's resource-server configuration
 * builds the JWT decoder (signature from the issuer's JWK set, the algorithms, {@code iss}, {@code aud},
 * {@code exp}, {@code nbf}) and adds the validator beans declared here; this adds:
 *
 * <ul>
 *   <li>the validators whose error codes say why a token was refused ({@link Refusal});
 *   <li>{@link StaffAuthenticationConverter}: the {@link Staff} a token names is the principal;
 *   <li>{@link SecurityProblems}: the one 401/403 problem vocabulary and the refused-request metric;
 *   <li>three filter chains, each replaceable by a bean of the same name: the management port's
 *       ({@code managementSecurityFilterChain}), the API description's where {@value #PUBLIC_API_DOCS} is
 *       true ({@code publicApiDocsSecurityFilterChain}), and the API's ({@code apiSecurityFilterChain}),
 *       which takes a service's own {@link ApiAuthorization} rules.
 * </ul>
 *
 * Method security ({@code @Secured}) stays each service's: it is where the service's rules are.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"
        })
@ConditionalOnClass({Jwt.class, BearerTokenAuthenticationToken.class})
public final class StaffSecurityAutoConfiguration {

    /** {@code QORGAU_API_DOCS_PUBLIC=true}: the API description and Swagger UI need no token. */
    public static final String PUBLIC_API_DOCS = "qorgau.api-docs.public";

    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    @Bean
    @ConditionalOnMissingBean
    StaffClaimsValidator staffClaimsValidator() {
        return new StaffClaimsValidator();
    }

    @Bean
    @ConditionalOnMissingBean
    TokenTimeValidator tokenTimeValidator() {
        return new TokenTimeValidator();
    }

    @Bean
    @ConditionalOnMissingBean
    TokenAddressValidator tokenAddressValidator(Environment environment) {
        Binder binder = Binder.get(environment);
        return new TokenAddressValidator(
                binder.bind(JWT + "issuer-uri", String.class).orElse(null),
                binder.bind(JWT + "audiences", Bindable.listOf(String.class)).orElse(List.of()));
    }

    @Bean
    @ConditionalOnMissingBean
    StaffAuthenticationConverter staffAuthenticationConverter() {
        return new StaffAuthenticationConverter();
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityProblems securityProblems(ObjectProvider<MeterRegistry> meters) {
        return new SecurityProblems(meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({HttpSecurity.class, SecurityFilterChain.class})
    static class FilterChains {

        /**
         * The API description and Swagger UI without a token, where {@value #PUBLIC_API_DOCS} is true (the
         * launcher sets it, so a browser can load Swagger UI and sign in). Off by default: elsewhere they
         * need a token like everything else. They hold no data, only the description of the API.
         */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE + 1)
        @ConditionalOnBooleanProperty(PUBLIC_API_DOCS)
        @ConditionalOnMissingBean(name = "publicApiDocsSecurityFilterChain")
        SecurityFilterChain publicApiDocsSecurityFilterChain(HttpSecurity http) throws Exception {
            http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(csrf -> csrf.disable());
            return http.build();
        }

        /** Every other request needs a member of staff's bearer token; a service adds its own URL rules. */
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        @ConditionalOnMissingBean(name = "apiSecurityFilterChain")
        SecurityFilterChain apiSecurityFilterChain(
                HttpSecurity http,
                SecurityProblems problems,
                StaffAuthenticationConverter staff,
                ObjectProvider<ApiAuthorization> rules,
                Environment environment)
                throws Exception {
            String issuer = environment.getProperty(JWT + "issuer-uri");
            String resourceName = "Qorgau " + environment.getProperty("spring.application.name", "service") + " API";
            http.authorizeHttpRequests(requests -> {
                        rules.orderedStream().forEach(rule -> rule.authorize(requests));
                        requests.anyRequest().authenticated();
                    })
                    .oauth2ResourceServer(resourceServer -> resourceServer
                            .jwt(jwt -> jwt.jwtAuthenticationConverter(staff))
                            .authenticationEntryPoint(problems)
                            // RFC 9728 metadata, the one public path: names the issuer; no mTLS-bound tokens.
                            .protectedResourceMetadata(
                                    metadata -> metadata.protectedResourceMetadataCustomizer(resource -> {
                                        if (issuer != null) {
                                            resource.authorizationServer(issuer);
                                        }
                                        resource.resourceName(resourceName)
                                                .tlsClientCertificateBoundAccessTokens(false);
                                    })))
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

    /** The roles of each operation in the OpenAPI document, where the service publishes one (springdoc). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OperationCustomizer")
    static class Documentation {

        @Bean
        @ConditionalOnMissingBean
        RolesDocumentation rolesDocumentation() {
            return new RolesDocumentation();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({HttpSecurity.class, EndpointRequest.class})
    static class ManagementChain {

        /**
         * The management port (loopback unless configured otherwise, docs/adr/0014): health, its liveness
         * and readiness groups and the Prometheus scrape answer without a token, for probes and
         * Prometheus; health shows details only to an OPERATOR ({@code show-details: when-authorized}).
         * Everything else, every operation above all, needs an OPERATOR's bearer token; refusals are the
         * API's 401/403 problems.
         */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        @ConditionalOnMissingBean(name = "managementSecurityFilterChain")
        SecurityFilterChain managementSecurityFilterChain(
                HttpSecurity http, SecurityProblems problems, StaffAuthenticationConverter staff) throws Exception {
            http.securityMatcher(EndpointRequest.toAnyEndpoint())
                    .authorizeHttpRequests(requests -> requests.requestMatchers(
                                    EndpointRequest.to("health", "prometheus").withHttpMethod(HttpMethod.GET))
                            .permitAll()
                            .anyRequest()
                            .hasRole(Role.OPERATOR.name()))
                    .oauth2ResourceServer(resourceServer -> resourceServer
                            .jwt(jwt -> jwt.jwtAuthenticationConverter(staff))
                            .authenticationEntryPoint(problems))
                    .exceptionHandling(exceptions ->
                            exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(csrf -> csrf.disable())
                    .requestCache(cache -> cache.disable());
            return http.build();
        }
    }
}
