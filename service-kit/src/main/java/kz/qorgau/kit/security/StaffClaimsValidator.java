package kz.qorgau.kit.security;

import java.util.ArrayList;
import java.util.List;
import kz.qorgau.events.StaffClaims;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses, as an invalid token (401), a token whose claims a service could not hold: no {@code sub}, a
 * {@code sub} or {@code district} longer than the columns that keep them ({@link StaffClaims}), or a
 * {@code district} that is not one string (docs/adr/0015). Boot adds every such validator bean to its JWT
 * decoder, after the signature check. Its errors carry the code {@code invalid_claims} ({@link
 * Refusal#INVALID_CLAIMS}): a token of our own issuer, in time and for us, refused here means the identity
 * provider issues claims we cannot use.
 */
public class StaffClaimsValidator implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<OAuth2Error> errors = new ArrayList<>();
        Object subject = jwt.getClaims().get(StaffClaims.SUBJECT);
        if (!(subject instanceof String text) || text.isBlank()) {
            errors.add(error("The token names no subject (sub)"));
        } else if (text.length() > StaffClaims.MAX_SUBJECT_LENGTH) {
            errors.add(error("The subject (sub) is longer than " + StaffClaims.MAX_SUBJECT_LENGTH + " characters"));
        }
        Object district = jwt.getClaims().get(StaffClaims.DISTRICT);
        if (district != null && !(district instanceof String)) {
            errors.add(error("The district claim is not a single string"));
        } else if (district instanceof String text && text.length() > StaffClaims.MAX_DISTRICT_LENGTH) {
            errors.add(error("The district claim is longer than " + StaffClaims.MAX_DISTRICT_LENGTH + " characters"));
        }
        return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
    }

    private static OAuth2Error error(String description) {
        // The description names the rule, never the claim's value; the code is the refusal's reason.
        return new OAuth2Error(Refusal.INVALID_CLAIMS.errorCode(), description, null);
    }
}
