package kz.qorgau.kit.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The {@link StaffClaimsValidator} as a bean, which Boot's resource-server JWT decoder adds to its own
 * validators. A service's own validator of this class replaces it.
 */
@AutoConfiguration(
        beforeName =
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")
@ConditionalOnClass(Jwt.class)
public final class StaffClaimsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StaffClaimsValidator staffClaimsValidator() {
        return new StaffClaimsValidator();
    }
}
