package kz.qorgau.identity.persona;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/** Registers each persona as a client-credentials client and puts its identity into its access tokens. */
@Configuration(proxyBeanMethods = false)
class PersonaClients {

    /** Client ids; the name of the claim follows RFC 9068. */
    static final String CLIENT_ID_CLAIM = "client_id";

    static final String ROLES_CLAIM = "roles";
    static final String DISTRICT_CLAIM = "district";

    /** Client secrets are checked with bcrypt ({bcrypt} prefix), as a real provider stores them. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(PersonaProperties properties, PasswordEncoder encoder) {
        TokenSettings tokenSettings = TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(properties.accessTokenTimeToLive())
                .build();
        List<RegisteredClient> clients = properties.personas().stream()
                .map(persona -> RegisteredClient.withId(
                                UUID.nameUUIDFromBytes(persona.clientId().getBytes(StandardCharsets.UTF_8))
                                        .toString())
                        .clientId(persona.clientId())
                        .clientSecret(encoder.encode(persona.secret()))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .clientSettings(ClientSettings.builder()
                                .requireAuthorizationConsent(false)
                                .build())
                        .tokenSettings(tokenSettings)
                        .build())
                .toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * Access tokens name the persona, not the client: {@code sub} is the persona's subject, {@code roles}
     * and {@code district} its authority, {@code aud} the API audience. The generator already sets
     * {@code iss}, {@code iat}, {@code nbf}, {@code exp} and {@code jti}.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> personaClaims(PersonaProperties properties) {
        Map<String, Persona> byClientId = properties.personas().stream()
                .collect(Collectors.toUnmodifiableMap(Persona::clientId, Function.identity()));
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            String clientId = context.getRegisteredClient().getClientId();
            Persona persona = byClientId.get(clientId);
            if (persona == null) {
                throw new IllegalStateException("No persona for registered client " + clientId);
            }
            context.getClaims().claims(claims -> {
                claims.remove(DISTRICT_CLAIM);
                claims.put(CLIENT_ID_CLAIM, clientId);
                claims.put(ROLES_CLAIM, persona.roles());
                persona.optionalDistrict().ifPresent(district -> claims.put(DISTRICT_CLAIM, district));
            });
            context.getClaims().subject(persona.subject()).audience(List.of(properties.audience()));
        };
    }
}
