package kz.qorgau.kit.security;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Why a request was refused: the {@code reason} tag of {@value SecurityProblems#METRIC}. A token's
 * refusals carry their reason as the error code of the validator that refused it ({@link #errorCode()}),
 * so they are classified by code, never by message text. Listed in the order a token refused for several
 * reasons is counted: a token that is expired and also has bad claims counts as expired.
 */
public enum Refusal {
    /** No bearer token at all. */
    MISSING_TOKEN(null),
    EXPIRED("expired"),
    NOT_YET_VALID("not_yet_valid"),
    WRONG_ISSUER("wrong_issuer"),
    WRONG_AUDIENCE("wrong_audience"),
    /** Signed by our issuer, but with claims no service can hold ({@link StaffClaimsValidator}). */
    INVALID_CLAIMS("invalid_claims"),
    /** Forged, malformed, of an unknown key or algorithm: every other refused token. */
    INVALID_TOKEN(null),
    /** A role that may not make this request (403). */
    ROLE(null);

    private final @Nullable String errorCode;

    Refusal(@Nullable String errorCode) {
        this.errorCode = errorCode;
    }

    /** The {@code OAuth2Error} code the kit's validators give a token refused for this reason. */
    public @Nullable String errorCode() {
        return errorCode;
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
