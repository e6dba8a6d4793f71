package kz.qorgau.testsupport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What needs no issuer jar; the rest runs against the real jar in identity-server's *IT tests. */
class TestIdentityTest {

    @Test
    void itsAddressesAreKnownBeforeItStarts() {
        TestIdentity identity = TestIdentity.create();
        try {
            assertThat(identity.springProperties())
                    .containsOnlyKeys(
                            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                            "spring.security.oauth2.resourceserver.jwt.audiences")
                    .containsEntry(
                            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                            identity.issuer().toString())
                    .containsEntry(
                            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", identity.issuer() + "/oauth2/jwks")
                    .containsEntry("spring.security.oauth2.resourceserver.jwt.audiences", "qorgau-api");
            assertThat(identity.processId()).isEmpty();
        } finally {
            identity.stop();
        }
    }

    @Test
    void withoutTheIssuersJarTheFirstTokenSaysHowToBuildIt(@TempDir Path emptyCheckout) {
        String previous = System.setProperty(RepositoryRoot.PROPERTY, emptyCheckout.toString());
        TestIdentity identity = TestIdentity.create();
        try {
            assertThatThrownBy(() -> identity.token(Persona.OFFICER_A))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("No runnable jar of identity-server")
                    .hasMessageContaining("./mvnw -DskipTests package -pl identity-server -am");
            assertThatThrownBy(() -> identity.expiredToken(Persona.OFFICER_A))
                    .as("a failed start is not tried again")
                    .hasMessageContaining("did not start earlier");
        } finally {
            identity.stop();
            if (previous == null) {
                System.clearProperty(RepositoryRoot.PROPERTY);
            } else {
                System.setProperty(RepositoryRoot.PROPERTY, previous);
            }
        }
    }
}
