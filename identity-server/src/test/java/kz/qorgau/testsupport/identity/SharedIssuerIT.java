package kz.qorgau.testsupport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The test token issuer against the real identity-server jar (an integration test: the jar exists only
 * after this module's package phase). A service's resource server, configured by nothing but
 * {@link TestIdentity#springProperties()}, accepts each persona's token and reads its identity from it.
 */
class SharedIssuerIT {

    /** The issuer process the first class to ask saw; every class of the JVM must see the same one. */
    private static final AtomicLong FIRST_PROCESS = new AtomicLong();

    private final TestIdentity identity = TestIdentity.shared();

    @ParameterizedTest
    @EnumSource(Persona.class)
    void eachPersonasRealTokenIsAcceptedAndCarriesItsIdentity(Persona persona) {
        Instant before = Instant.now().minusSeconds(1);
        String token = identity.token(persona);

        ResourceServer.withDecoder(identity.springProperties(), decoder -> {
            Jwt jwt = decoder.decode(token);

            assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
            assertThat(jwt.getSubject()).isEqualTo(persona.subject());
            assertThat(jwt.getClaimAsStringList("roles")).containsExactlyInAnyOrderElementsOf(persona.roles());
            assertThat(jwt.getClaimAsString("district")).isEqualTo(persona.district());
            assertThat(jwt.getClaimAsString("client_id")).isEqualTo(persona.clientId());
            assertThat(jwt.getAudience()).containsExactly(TestIdentity.AUDIENCE);
            assertThat(jwt.getIssuer()).hasToString(identity.issuer().toString());
            assertThat(jwt.getExpiresAt()).isAfter(before.plus(Duration.ofMinutes(1)));
        });
        assertSameIssuerProcessAsEveryOtherClass(identity);
    }

    @Test
    void aTokenIsReusedUntilShortlyBeforeItExpires() {
        assertThat(identity.token(Persona.AUDITOR)).isEqualTo(identity.token(Persona.AUDITOR));
        assertThat(identity.token(Persona.AUDITOR)).isNotEqualTo(identity.token(Persona.OPERATOR));
    }

    @Test
    void itsAddressesAreTheOnesItsPropertiesName() {
        assertThat(identity.audience()).isEqualTo("qorgau-api");
        assertThat(identity.issuer().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(identity.jwkSetUri()).hasToString(identity.issuer() + "/oauth2/jwks");
        assertThat(identity.springProperties())
                .containsEntry(
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                        identity.issuer().toString())
                .containsEntry(
                        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                        identity.jwkSetUri().toString())
                .containsEntry("spring.security.oauth2.resourceserver.jwt.audiences", "qorgau-api");
    }

    @Test
    void aServiceStartsWithoutTheIssuerRunning() {
        TestIdentity notStarted = TestIdentity.create();
        try {
            // Nothing listens at its addresses: a discovery call at start-up would fail the context.
            ResourceServer.withDecoder(notStarted.springProperties(), decoder -> assertThat(decoder)
                    .isNotNull());

            assertThat(notStarted.processId()).isEmpty();
        } finally {
            notStarted.stop();
        }
    }

    /** Called by every class that uses the shared issuer: one process per JVM, however many classes. */
    static void assertSameIssuerProcessAsEveryOtherClass(TestIdentity identity) {
        assertThat(TestIdentity.shared()).isSameAs(identity);
        long pid = identity.processId().orElseThrow();
        FIRST_PROCESS.compareAndSet(0, pid);
        assertThat(pid).isEqualTo(FIRST_PROCESS.get());
    }
}
