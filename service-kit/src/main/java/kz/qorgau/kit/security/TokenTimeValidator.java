package kz.qorgau.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * Spring Security's {@code exp}/{@code nbf} check ({@link JwtTimestampValidator}, with Boot's default skew
 * of 60 s), whose errors say which of the two failed in their code ({@link Refusal#EXPIRED}, {@link
 * Refusal#NOT_YET_VALID}). Boot's decoder runs the same check with errors that all read {@code
 * invalid_token}; this adds the reason to the same refusal.
 */
public class TokenTimeValidator implements OAuth2TokenValidator<Jwt> {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final JwtTimestampValidator time = new JwtTimestampValidator(CLOCK_SKEW);
    private final Clock clock;

    public TokenTimeValidator() {
        this(Clock.systemUTC());
    }

    TokenTimeValidator(Clock clock) {
        this.clock = clock;
        time.setClock(clock);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        OAuth2TokenValidatorResult result = time.validate(jwt);
        if (!result.hasErrors()) {
            return result;
        }
        Instant expiresAt = jwt.getExpiresAt();
        Refusal refusal = expiresAt != null && clock.instant().minus(CLOCK_SKEW).isAfter(expiresAt)
                ? Refusal.EXPIRED
                : Refusal.NOT_YET_VALID;
        List<OAuth2Error> errors = result.getErrors().stream()
                .map(error -> new OAuth2Error(refusal.errorCode(), error.getDescription(), error.getUri()))
                .toList();
        return OAuth2TokenValidatorResult.failure(errors);
    }
}
