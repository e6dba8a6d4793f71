package kz.qorgau.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** The member of staff a token names, and why a token is refused: decided from claims and error codes. */
class StaffSecurityTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void theTokensMemberOfStaffIsThePrincipalWithRoleAuthorities() {
        StaffAuthentication authentication = new StaffAuthenticationConverter()
                .convert(token(Map.of("sub", "officer-1", "roles", List.of("OFFICER", "PILOT"), "district", "ALM")));

        assertThat(authentication.getPrincipal()).isEqualTo(new Staff("officer-1", Set.of(Role.OFFICER), "ALM"));
        assertThat(authentication.getName()).isEqualTo("officer-1");
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder(Authorities.OFFICER, "ROLE_PILOT");
    }

    @Test
    void aBlankDistrictIsNone() {
        Staff court = new StaffAuthenticationConverter()
                .convert(token(Map.of("sub", "court-1", "roles", List.of("COURT"), "district", " ")))
                .getPrincipal();
        assertThat(court.district()).isNull();
        assertThat(court.worksIn(null)).isFalse();
    }

    @Test
    void refusalsAreClassifiedByTheValidatorsErrorCodes() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        TokenTimeValidator time = new TokenTimeValidator(clock);
        TokenAddressValidator address = new TokenAddressValidator("https://id.example", List.of("qorgau-api"));
        StaffClaimsValidator claims = new StaffClaimsValidator();

        Jwt expired = jwt(NOW.minusSeconds(3600), NOW.minusSeconds(120), "https://id.example", "qorgau-api", "a");
        Jwt early = jwt(NOW.plusSeconds(300), NOW.plusSeconds(3600), "https://id.example", "qorgau-api", "a");
        Jwt foreign = jwt(NOW.minusSeconds(10), NOW.plusSeconds(60), "https://other.example", "qorgau-api", "a");
        Jwt elsewhere = jwt(NOW.minusSeconds(10), NOW.plusSeconds(60), "https://id.example", "other-api", "a");
        Jwt badClaims = jwt(NOW.minusSeconds(10), NOW.plusSeconds(60), "https://id.example", "qorgau-api", null);
        Jwt expiredWithBadClaims =
                jwt(NOW.minusSeconds(3600), NOW.minusSeconds(120), "https://id.example", "qorgau-api", null);

        assertThat(reason(expired, time, address, claims)).isEqualTo(Refusal.EXPIRED);
        assertThat(reason(early, time, address, claims)).isEqualTo(Refusal.NOT_YET_VALID);
        assertThat(reason(foreign, time, address, claims)).isEqualTo(Refusal.WRONG_ISSUER);
        assertThat(reason(elsewhere, time, address, claims)).isEqualTo(Refusal.WRONG_AUDIENCE);
        assertThat(reason(badClaims, time, address, claims)).isEqualTo(Refusal.INVALID_CLAIMS);
        assertThat(reason(expiredWithBadClaims, time, address, claims)).isEqualTo(Refusal.EXPIRED);
    }

    @Test
    void messagesDoNotDecideTheReason() {
        // Spring's own validators all say invalid_token: whatever their text, that is all a refusal can say.
        JwtValidationException spring = new JwtValidationException(
                "Jwt expired at ...", List.of(new OAuth2Error("invalid_token", "Jwt expired at ...", null)));
        assertThat(SecurityProblems.classify(new InvalidBearerTokenException("invalid", spring)))
                .isEqualTo(Refusal.INVALID_TOKEN);
        assertThat(SecurityProblems.classify(new InsufficientAuthenticationException("no token")))
                .isEqualTo(Refusal.MISSING_TOKEN);
    }

    @SafeVarargs
    private static Refusal reason(
            Jwt jwt, org.springframework.security.oauth2.core.OAuth2TokenValidator<Jwt>... validators) {
        List<OAuth2Error> errors = new ArrayList<>();
        for (var validator : validators) {
            errors.addAll(validator.validate(jwt).getErrors());
        }
        assertThat(errors).isNotEmpty();
        return SecurityProblems.classify(new InvalidBearerTokenException(
                "invalid", new JwtValidationException(errors.get(0).getDescription(), errors)));
    }

    private static Jwt jwt(Instant notBefore, Instant expiresAt, String issuer, String audience, String subject) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .claims(claims -> {
                    claims.put("nbf", notBefore);
                    claims.put("iat", notBefore);
                    claims.put("exp", expiresAt);
                    claims.put("iss", issuer);
                    claims.put("aud", List.of(audience));
                    if (subject != null) {
                        claims.put("sub", subject);
                    }
                })
                .build();
    }

    private static Jwt token(Map<String, Object> claims) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .claims(all -> all.putAll(claims))
                .build();
    }
}
