package kz.qorgau.notification.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description: what the API is, and that every operation needs a bearer token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";

    @Bean
    OpenAPI qorgauNotificationApi() {
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
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
