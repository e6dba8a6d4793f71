package kz.qorgau.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qorgau.testsupport.identity.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** A context under {@link QorgauInfrastructure} trusts the JVM's token issuer without asking for it. */
@SpringJUnitConfig(TokenIssuerPropertiesTest.Empty.class)
@QorgauInfrastructure
class TokenIssuerPropertiesTest {

    @Configuration
    static class Empty {}

    @Autowired
    Environment environment;

    @Autowired
    TestInfrastructure infrastructure;

    @Test
    void theResourceServerPropertiesNameTheSharedIssuer() {
        TestIdentity identity = infrastructure.identity();

        assertThat(identity).isSameAs(TestIdentity.shared());
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo(identity.issuer().toString());
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))
                .isEqualTo(identity.jwkSetUri().toString());
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.audiences"))
                .isEqualTo("qorgau-api");
    }
}
