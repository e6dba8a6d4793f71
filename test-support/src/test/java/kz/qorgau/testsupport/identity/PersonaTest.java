package kz.qorgau.testsupport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Keeps the test personas in step with the ones the issuer really has (identity-server's application.yml). */
class PersonaTest {

    @Test
    @SuppressWarnings("unchecked")
    void thePersonasAreTheIssuersOwn() throws IOException {
        List<Map<String, Object>> personas =
                (List<Map<String, Object>>) issuerSettings().get("personas");

        assertThat(personas)
                .extracting(persona -> persona.get("client-id"))
                .containsExactlyElementsOf(
                        Arrays.stream(Persona.values()).map(Persona::clientId).toList());
        for (Map<String, Object> issuers : personas) {
            Persona persona = Arrays.stream(Persona.values())
                    .filter(candidate -> candidate.clientId().equals(issuers.get("client-id")))
                    .findFirst()
                    .orElseThrow();
            assertThat(persona.secret()).as("secret of %s", persona).isEqualTo(issuers.get("secret"));
            assertThat(persona.subject()).as("subject of %s", persona).isEqualTo(issuers.get("subject"));
            assertThat(persona.roles()).as("roles of %s", persona).isEqualTo(new HashSet<>((List<String>)
                    issuers.get("roles")));
            assertThat(persona.district()).as("district of %s", persona).isEqualTo(issuers.get("district"));
        }
    }

    @Test
    void theIssuersDefaultAudienceIsTheOneTheTestsExpect() throws IOException {
        assertThat(issuerSettings().get("audience"))
                .isEqualTo("${QORGAU_IDENTITY_AUDIENCE:" + TestIdentity.AUDIENCE + "}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> issuerSettings() throws IOException {
        Map<String, Object> config = new Yaml()
                .load(Files.readString(
                        RepositoryRoot.find().resolve("identity-server/src/main/resources/application.yml")));
        return (Map<String, Object>) ((Map<String, Object>) config.get("qorgau")).get("identity");
    }
}
