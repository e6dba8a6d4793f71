package kz.qorgau.notification.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description: what the API is, and that every operation needs a bearer token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final String SIGN_IN = "sign-in";

    @Bean
    OpenAPI qorgauNotificationApi(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Qorgau notification-service API")
                                .version("v1")
                                .description(
                                        """
                                Sends the notices of protective orders, from the events on qorgau.orders; \
                                it has no operations of its own yet. Every request needs an \
                                OAuth2 bearer token (JWT) from the configured OpenID Connect provider; each \
                                operation names the roles that may call it in x-qorgau-roles."""))
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
