package kz.qorgau.identity.persona;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Optional;

/**
 * A demo persona: a local-only OAuth2 client (client-credentials grant) and a user who signs in at the
 * issuer's login page (authorization code with PKCE, client {@code qorgau-web}); either way its access
 * tokens carry this subject, roles and district, as a person's tokens from the production OIDC provider would.
 *
 * @param clientId the client id used at the token endpoint, and the username at the login page
 * @param secret LOCAL-ONLY DEMO SECRET in clear; hashed with bcrypt at start-up, never logged
 * @param password LOCAL-ONLY DEMO PASSWORD in clear, the same as the Keycloak realm's; hashed with bcrypt at
 *     start-up, never logged
 * @param subject the {@code sub} claim: a pseudonymous user id, never a person's name or IIN
 * @param roles the {@code roles} claim (OFFICER, SUPERVISOR, COURT, OPERATOR, AUDITOR, ANALYST)
 * @param district the {@code district} claim, or {@code null} for roles that are not bound to one
 */
public record Persona(
        @NotBlank String clientId,
        @NotBlank String secret,
        @NotBlank String password,
        @NotBlank String subject,
        @NotEmpty List<@NotBlank String> roles,
        String district) {

    public Persona {
        roles = List.copyOf(roles);
        district = district == null || district.isBlank() ? null : district;
    }

    public Optional<String> optionalDistrict() {
        return Optional.ofNullable(district);
    }

    @Override
    public String toString() {
        // Never print the secret nor the password.
        return "Persona[clientId=" + clientId + ", subject=" + subject + ", roles=" + roles + ", district=" + district
                + "]";
    }
}
