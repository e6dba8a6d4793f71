package kz.qorgau.order.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import kz.qorgau.events.sealed.SealedFieldCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wiring every feature uses: the clock, the sealing key ring, scheduling and the OpenAPI description. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Fails the start when the key ring is missing or broken, rather than at the first order. */
    @Bean
    SealedFieldCipher sealedFieldCipher(SealingProperties sealing) {
        var ring = sealing.ring();
        return SealedFieldCipher.fromBase64Keys(ring.keys(), ring.activeKeyId());
    }

    static final String BEARER = "bearer";
    static final String SIGN_IN = "sign-in";

    @Bean
    OpenAPI qorgauOrderApi(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Qorgau order-service API")
                                .version("v1")
                                .description(
                                        """
                                Issue and look up police protective orders. Errors are RFC 9457 problem \
                                details (application/problem+json); they never repeat submitted values. \
                                POST accepts an Idempotency-Key header: a retry with the same key and body \
                                returns the first result. Every request needs an OAuth2 bearer token (JWT) \
                                from the configured OpenID Connect provider; each operation names the \
                                roles that may call it in x-qorgau-roles."""))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT"))
                        // People sign in from Swagger UI: authorization code with PKCE at the issuer.
                        .addSecuritySchemes(
                                SIGN_IN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.OPENIDCONNECT)
                                        .openIdConnectUrl(issuer + "/.well-known/openid-configuration")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(SIGN_IN));
    }
}
