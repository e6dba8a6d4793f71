package kz.qorgau.identity.persona;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Registers each persona as a client-credentials client, and {@code qorgau-web} as the public client through
 * which a persona signs in with a browser; either way the persona's identity goes into the access token.
 */
@Configuration(proxyBeanMethods = false)
class PersonaClients {

    /** Client ids; the name of the claim follows RFC 9068. */
    static final String CLIENT_ID_CLAIM = "client_id";

    static final String ROLES_CLAIM = "roles";
    static final String DISTRICT_CLAIM = "district";

    /** Client secrets and passwords are checked with bcrypt ({bcrypt} prefix), as a real provider stores them. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(
            PersonaProperties properties, WebClientProperties webClient, PasswordEncoder encoder) {
        TokenSettings tokenSettings = TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(properties.accessTokenTimeToLive())
                .build();
        List<RegisteredClient> clients = new ArrayList<>();
        for (Persona persona : properties.personas()) {
            clients.add(RegisteredClient.withId(stableId(persona.clientId()))
                    .clientId(persona.clientId())
                    .clientSecret(encoder.encode(persona.secret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .clientSettings(ClientSettings.builder()
                            .requireAuthorizationConsent(false)
                            .build())
                    .tokenSettings(tokenSettings)
                    .build());
        }
        clients.add(webClient(webClient, tokenSettings));
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * A public client (no secret) with the authorization code grant and PKCE (S256, the only method Spring
     * Authorization Server accepts) and nothing else: no implicit flow, no password grant, and no refresh
     * tokens, which Spring Authorization Server does not issue to public clients; a page whose token expired
     * signs in again, silently while the person's session at the issuer lasts.
     */
    private static RegisteredClient webClient(WebClientProperties webClient, TokenSettings tokenSettings) {
        return RegisteredClient.withId(stableId(webClient.clientId()))
                .clientId(webClient.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(webClient.allRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokenSettings)
                .build();
    }

    private static String stableId(String clientId) {
        return UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Access tokens name the persona, not the client: {@code sub} is the persona's subject, {@code roles}
     * and {@code district} its authority, {@code aud} the API audience; {@code client_id} names the client that
     * asked (the persona's own, or {@code qorgau-web} when the persona signed in). The generator already sets
     * {@code iss}, {@code iat}, {@code nbf}, {@code exp} and {@code jti}. A signed-in persona's ID token names
     * the same subject, so the ID token, the user-info answer and the access token agree.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> personaClaims(PersonaProperties properties) {
        Map<String, Persona> byClientId = properties.personas().stream()
                .collect(Collectors.toUnmodifiableMap(Persona::clientId, Function.identity()));
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken =
                    OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            Persona persona = byClientId.get(personaName(context));
            if (persona == null) {
                throw new IllegalStateException("No persona for the token of client "
                        + context.getRegisteredClient().getClientId());
            }
            if (idToken) {
                context.getClaims().subject(persona.subject());
                if (context.getAuthorizedScopes().contains(OidcScopes.PROFILE)) {
                    context.getClaims().claim(StandardClaimNames.PREFERRED_USERNAME, persona.clientId());
                }
                return;
            }
            context.getClaims().claims(claims -> {
                claims.remove(DISTRICT_CLAIM);
                claims.put(CLIENT_ID_CLAIM, context.getRegisteredClient().getClientId());
                claims.put(ROLES_CLAIM, persona.roles());
                persona.optionalDistrict().ifPresent(district -> claims.put(DISTRICT_CLAIM, district));
            });
            context.getClaims().subject(persona.subject()).audience(List.of(properties.audience()));
        };
    }

    /**
     * The persona a token is for: the client itself with client credentials; the signed-in user (whose
     * username is the persona's client id) with an authorization code. No other grant is registered.
     */
    private static String personaName(JwtEncodingContext context) {
        AuthorizationGrantType grant = context.getAuthorizationGrantType();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(grant)) {
            return context.getRegisteredClient().getClientId();
        }
        if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(grant)) {
            return context.getPrincipal().getName();
        }
        throw new IllegalStateException("No persona tokens for the grant " + grant.getValue());
    }
}
