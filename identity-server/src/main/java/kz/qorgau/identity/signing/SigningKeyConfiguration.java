package kz.qorgau.identity.signing;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The key that signs access tokens; its public half is served at {@code /oauth2/jwks}. */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfiguration.class);

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyProperties properties) {
        RSAKey key;
        if (properties.privateKeyLocation() != null) {
            key = SigningKeys.load(properties.privateKeyLocation());
            log.info("Signing tokens with the configured RSA key, kid={}", key.getKeyID());
        } else {
            key = SigningKeys.generate();
            log.warn(
                    "Signing tokens with an RSA key generated at start-up, kid={}: LOCAL USE ONLY, tokens do not"
                            + " survive a restart (set qorgau.identity.signing-key.private-key-location to keep one)",
                    key.getKeyID());
        }
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** Validates the server's own tokens where it needs to (the OIDC user-info endpoint). */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }
}
