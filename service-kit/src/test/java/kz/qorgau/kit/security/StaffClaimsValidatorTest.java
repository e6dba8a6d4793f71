package kz.qorgau.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kz.qorgau.events.StaffClaims;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Claims a service cannot hold make the token invalid; the errors are ours and never name the value. */
class StaffClaimsValidatorTest {

    final StaffClaimsValidator validator = new StaffClaimsValidator();

    @Test
    void anOfficersClaimsPass() {
        assertThat(validator
                        .validate(token(Map.of("sub", "demo-officer-a", "district", "ALM")))
                        .hasErrors())
                .isFalse();
    }

    @Test
    void aTokenWithoutADistrictPasses() {
        assertThat(validator.validate(token(Map.of("sub", "demo-auditor"))).hasErrors())
                .isFalse();
    }

    @Test
    void claimsAtTheirLimitsPass() {
        Map<String, Object> claims = Map.of(
                "sub", "s".repeat(StaffClaims.MAX_SUBJECT_LENGTH),
                "district", "d".repeat(StaffClaims.MAX_DISTRICT_LENGTH));

        assertThat(validator.validate(token(claims)).hasErrors()).isFalse();
    }

    @Test
    void aMissingBlankOrNonStringSubjectIsRefused() {
        for (Map<String, Object> claims :
                List.<Map<String, Object>>of(Map.of("iss", "x"), Map.of("sub", "  "), Map.of("sub", 42))) {
            assertRefused(validator.validate(token(claims)), "no subject");
        }
    }

    @Test
    void aSubjectLongerThanItsColumnIsRefused() {
        String secret = "s".repeat(StaffClaims.MAX_SUBJECT_LENGTH + 1);

        OAuth2TokenValidatorResult result = validator.validate(token(Map.of("sub", secret)));

        assertRefused(result, "longer than " + StaffClaims.MAX_SUBJECT_LENGTH);
        assertThat(result.getErrors()).noneMatch(error -> error.getDescription().contains(secret));
    }

    @Test
    void aDistrictThatIsNotOneShortStringIsRefused() {
        assertRefused(
                validator.validate(token(Map.of("sub", "a", "district", List.of("ALM", "AST")))),
                "not a single string");
        assertRefused(
                validator.validate(
                        token(Map.of("sub", "a", "district", "d".repeat(StaffClaims.MAX_DISTRICT_LENGTH + 1)))),
                "longer than " + StaffClaims.MAX_DISTRICT_LENGTH);
    }

    private static void assertRefused(OAuth2TokenValidatorResult result, String rule) {
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorCode()).isEqualTo("invalid_claims");
            assertThat(error.getDescription()).contains(rule);
        });
    }

    private static Jwt token(Map<String, Object> claims) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .claims(all -> all.putAll(claims))
                .build();
    }
}
