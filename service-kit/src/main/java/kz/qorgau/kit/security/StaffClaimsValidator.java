package kz.qorgau.kit.security;

import java.util.ArrayList;
import java.util.List;
import kz.qorgau.events.StaffClaims;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses, as an invalid token (401), a token whose claims a service could not hold: no {@code sub}, a
 * {@code sub} or {@code district} longer than the columns that keep them ({@link StaffClaims}), or a
 * {@code district} that is not one string (docs/adr/0015). Boot adds every such validator bean to its JWT
 * decoder, after the signature, issuer, audience and time checks, so only tokens from our own issuer get
 * this far: one refused here means the identity provider issues claims we cannot use, counted as
 * {@code invalid_claims}.
 */
public class StaffClaimsValidator implements OAuth2TokenValidator<Jwt> {

    /** Marks this validator's errors, so that the rejection metric can tell them from the others. */
    public static final String ERROR_URI = "urn:qorgau:problem:invalid-claims";

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

    /** Whether {@code error} is one of this validator's, not the signature's, issuer's, audience's or time's. */
    public static boolean isClaimsError(OAuth2Error error) {
        return ERROR_URI.equals(error.getUri());
    }

    private static OAuth2Error error(String description) {
        // The description names the rule, never the claim's value.
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, ERROR_URI);
    }
}
