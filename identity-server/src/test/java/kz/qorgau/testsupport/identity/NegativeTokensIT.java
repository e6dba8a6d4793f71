package kz.qorgau.testsupport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.qorgau.events.StaffClaims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Each bad token is wrong in exactly the way it claims: checked with Nimbus against the issuer's
 * published key, and refused by a service's resource server for that reason.
 */
class NegativeTokensIT {

    private static final TestIdentity identity = TestIdentity.shared();
    private static RSAKey publishedKey;

    @BeforeAll
    static void readThePublishedKey() throws Exception {
        identity.token(Persona.OFFICER_A);
        List<JWK> keys = JWKSet.load(identity.jwkSetUri().toURL()).getKeys();
        assertThat(keys).hasSize(1);
        publishedKey = keys.get(0).toRSAKey();
    }

    @Test
    void itSharesTheIssuerProcessWithTheOtherClasses() {
        SharedIssuerIT.assertSameIssuerProcessAsEveryOtherClass(identity);
    }

    @ParameterizedTest
    @EnumSource(Persona.class)
    void everyBadTokenCarriesThePersonasIdentity(Persona persona) throws Exception {
        JWTClaimsSet real = JWTParser.parse(identity.token(persona)).getJWTClaimsSet();

        for (String token : List.of(
                identity.expiredToken(persona),
                identity.notYetValidToken(persona),
                identity.wrongKeyToken(persona),
                identity.unsignedToken(persona),
                identity.wrongAudienceToken(persona),
                identity.wrongIssuerToken(persona))) {
            JWTClaimsSet claims = JWTParser.parse(token).getJWTClaimsSet();
            for (String claim : List.of("sub", "roles", "district", "client_id")) {
                assertThat(claims.getClaim(claim)).as(claim).isEqualTo(real.getClaim(claim));
            }
            assertThat(claims.getJWTID()).isNotEqualTo(real.getJWTID());
        }
    }

    @Test
    void theExpiredTokenIsGenuineButExpiredBeyondAnyClockSkew() throws Exception {
        SignedJWT token = SignedJWT.parse(identity.expiredToken(Persona.OFFICER_A));

        assertThat(token.verify(new RSASSAVerifier(publishedKey))).isTrue();
        assertThat(token.getHeader().getKeyID()).isEqualTo(publishedKey.getKeyID());
        assertThat(token.getJWTClaimsSet().getExpirationTime().toInstant())
                .isBefore(Instant.now().minus(Duration.ofMinutes(9)));
        assertRefused(token.serialize(), JwtValidationException.class, "expired");
    }

    @Test
    void theNotYetValidTokenIsGenuineButValidOnlyInTenMinutes() throws Exception {
        SignedJWT token = SignedJWT.parse(identity.notYetValidToken(Persona.OFFICER_A));

        assertThat(token.verify(new RSASSAVerifier(publishedKey))).isTrue();
        assertThat(token.getJWTClaimsSet().getNotBeforeTime().toInstant())
                .isAfter(Instant.now().plus(Duration.ofMinutes(9)));
        assertThat(token.getJWTClaimsSet().getExpirationTime())
                .isAfter(token.getJWTClaimsSet().getNotBeforeTime());
        assertRefused(token.serialize(), JwtValidationException.class, "used before");
    }

    @Test
    void theWrongKeyTokenNamesTheIssuersKeyButIsNotSignedByIt() throws Exception {
        SignedJWT token = SignedJWT.parse(identity.wrongKeyToken(Persona.OFFICER_A));

        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(token.getHeader().getKeyID()).isEqualTo(publishedKey.getKeyID());
        assertThat(token.verify(new RSASSAVerifier(publishedKey))).isFalse();
        assertThat(token.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
        assertRefused(token.serialize(), BadJwtException.class, "");
    }

    @Test
    void theUnsignedTokenHasAlgorithmNoneAndNoSignature() throws Exception {
        String serialized = identity.unsignedToken(Persona.OFFICER_A);
        JWT token = JWTParser.parse(serialized);

        assertThat(token).isInstanceOf(PlainJWT.class);
        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("none");
        assertThat(serialized).as("header.payload. with an empty signature").matches("[\\w-]+\\.[\\w-]+\\.");
        assertThat(token.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
        assertRefused(serialized, BadJwtException.class, "");
    }

    @Test
    void theWrongAudienceTokenIsGenuineButForAnotherApi() throws Exception {
        SignedJWT token = SignedJWT.parse(identity.wrongAudienceToken(Persona.OFFICER_A));

        assertThat(token.verify(new RSASSAVerifier(publishedKey))).isTrue();
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly(TestIdentity.OTHER_AUDIENCE);
        assertThat(token.getJWTClaimsSet().getIssuer())
                .isEqualTo(identity.issuer().toString());
        assertRefused(token.serialize(), JwtValidationException.class, "aud");
    }

    @Test
    void theWrongIssuerTokenIsSignedWithTheIssuersKeyButNamesAnotherIssuer() throws Exception {
        SignedJWT token = SignedJWT.parse(identity.wrongIssuerToken(Persona.OFFICER_A));

        assertThat(token.verify(new RSASSAVerifier(publishedKey))).isTrue();
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(TestIdentity.OTHER_ISSUER.toString());
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly(TestIdentity.AUDIENCE);
        assertRefused(token.serialize(), JwtValidationException.class, "iss");
    }

    @Test
    void theClaimsTokensAreGenuineAndWrongInTheirOneClaimOnly() throws Exception {
        JWTClaimsSet real = JWTParser.parse(identity.token(Persona.OFFICER_A)).getJWTClaimsSet();
        SignedJWT noSubject = SignedJWT.parse(identity.tokenWithoutSubject(Persona.OFFICER_A));
        SignedJWT longSubject = SignedJWT.parse(identity.tokenWithOverlongSubject(Persona.OFFICER_A));
        SignedJWT longDistrict = SignedJWT.parse(identity.tokenWithOverlongDistrict(Persona.OFFICER_A));
        SignedJWT districts = SignedJWT.parse(identity.tokenWithDistrictArray(Persona.OFFICER_A));

        for (SignedJWT token : List.of(noSubject, longSubject, longDistrict, districts)) {
            assertThat(token.verify(new RSASSAVerifier(publishedKey))).isTrue();
            assertThat(token.getJWTClaimsSet().getClaim("roles")).isEqualTo(real.getClaim("roles"));
            assertThat(token.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
        }
        assertThat(noSubject.getJWTClaimsSet().getSubject()).isNull();
        assertThat(longSubject.getJWTClaimsSet().getSubject()).hasSize(StaffClaims.MAX_SUBJECT_LENGTH + 1);
        assertThat(longDistrict.getJWTClaimsSet().getStringClaim(StaffClaims.DISTRICT))
                .hasSize(StaffClaims.MAX_DISTRICT_LENGTH + 1);
        assertThat(districts.getJWTClaimsSet().getClaim(StaffClaims.DISTRICT)).isInstanceOf(List.class);
        assertThat(longDistrict.getJWTClaimsSet().getSubject()).isEqualTo(real.getSubject());
        assertThat(districts.getJWTClaimsSet().getSubject()).isEqualTo(real.getSubject());
    }

    @Test
    void theRealTokenPassesWhereTheBadOnesFail() throws Exception {
        SignedJWT token = SignedJWT.parse(identity.token(Persona.OFFICER_A));

        assertThat(token.verify(new RSASSAVerifier(publishedKey))).isTrue();
        ResourceServer.withDecoder(identity.springProperties(), decoder -> assertThat(
                        decoder.decode(token.serialize()).getSubject())
                .isEqualTo(Persona.OFFICER_A.subject()));
    }

    private static void assertRefused(String token, Class<? extends Exception> failure, String reason) {
        Map<String, Object> properties = identity.springProperties();
        ResourceServer.withDecoder(properties, decoder -> assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(failure)
                .hasMessageContaining(reason));
    }
}
