package kz.qorgau.identity.persona;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The demo personas and the access tokens issued to them.
 *
 * @param audience the {@code aud} claim every access token carries; the services accept only this audience
 * @param accessTokenTimeToLive how long an access token is valid (short: there is no revocation)
 * @param personas the local-only clients, one per persona
 */
@Validated
@ConfigurationProperties("qorgau.identity")
public record PersonaProperties(
        @NotBlank String audience, @NotNull Duration accessTokenTimeToLive, @NotEmpty List<@Valid Persona> personas) {

    public PersonaProperties {
        personas = List.copyOf(personas);
        Set<String> clientIds = new HashSet<>();
        for (Persona persona : personas) {
            if (!clientIds.add(persona.clientId())) {
                throw new IllegalArgumentException("Duplicate persona client id: " + persona.clientId());
            }
        }
        if (accessTokenTimeToLive != null && (accessTokenTimeToLive.isNegative() || accessTokenTimeToLive.isZero())) {
            throw new IllegalArgumentException("qorgau.identity.access-token-time-to-live must be positive");
        }
    }
}
