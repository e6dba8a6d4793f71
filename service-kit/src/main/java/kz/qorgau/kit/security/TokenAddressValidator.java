package kz.qorgau.kit.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Whether a token was issued by our issuer for our audience, with the reason in the error code ({@link
 * Refusal#WRONG_ISSUER}, {@link Refusal#WRONG_AUDIENCE}). Boot's decoder checks the same with errors that
 * all read {@code invalid_token}; this adds the reason to the same refusal, from the same properties.
 */
public class TokenAddressValidator implements OAuth2TokenValidator<Jwt> {

    private final @Nullable String issuer;
    private final Collection<String> audiences;

    public TokenAddressValidator(@Nullable String issuer, @Nullable Collection<String> audiences) {
        this.issuer = issuer == null || issuer.isBlank() ? null : issuer;
        this.audiences = audiences == null ? List.of() : List.copyOf(audiences);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<OAuth2Error> errors = new ArrayList<>();
        if (issuer != null && !issuer.equals(jwt.getClaimAsString("iss"))) {
            errors.add(new OAuth2Error(Refusal.WRONG_ISSUER.errorCode(), "The iss claim is not valid", null));
        }
        List<String> audience = jwt.getAudience();
        if (!audiences.isEmpty() && (audience == null || Collections.disjoint(audience, audiences))) {
            errors.add(new OAuth2Error(Refusal.WRONG_AUDIENCE.errorCode(), "The aud claim is not valid", null));
        }
        return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
    }
}
