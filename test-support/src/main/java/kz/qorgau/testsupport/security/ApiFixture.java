package kz.qorgau.testsupport.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.qorgau.testsupport.identity.Persona;

/**
 * What a service's security matrix needs to know that the OpenAPI document does not say: real objects
 * to name in paths, required query parameters, valid bodies, required headers, and which values a
 * persona must never see.
 */
public interface ApiFixture {

    /**
     * Path parameter values naming an object {@code persona} may act on ({@code own}), or an object of
     * another district that must stay hidden from them (not {@code own}). Empty when there is no such
     * case (a persona without a district, an operation without parameters). Called once per request,
     * so an operation that consumes its object (a review) gets a fresh one each time.
     */
    Optional<Map<String, String>> pathValues(ApiOperation operation, Persona persona, boolean own);

    /** A valid JSON body for {@code persona} (in their district, where that matters). */
    Optional<String> body(ApiOperation operation, Persona persona);

    /**
     * Query parameters the operation requires (the matrix fills in only path parameters, so an operation
     * with a required query parameter would otherwise answer 400), for {@code persona}. None by default.
     */
    default Map<String, String> queryParameters(ApiOperation operation, Persona persona) {
        return Map.of();
    }

    /** Headers the operation requires besides the token (a stated purpose, for instance). */
    default Map<String, String> headers(ApiOperation operation, Persona persona) {
        return Map.of();
    }

    /** Values (personal data of the test's people) that must not appear in any response to {@code persona}. */
    Set<String> mustNotSee(Persona persona, ApiOperation operation);

    /** How many writes a member of staff may make before 429. */
    long writeLimitCapacity();

    /** Forgets every write counted so far, so the next case starts with a full allowance. */
    void resetWriteLimits();
}
