package kz.qorgau.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kz.qorgau.infrastructure.InfraEnvironment;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be started here (no Docker engine), so this keeps it in step with the
 * code instead: the broker the build uses, no topic auto-creation, one database and role per service.
 */
class ComposeFileTest {

    private final Path root = Path.of(System.getProperty("qorgau.repository.root", ".."))
            .toAbsolutePath()
            .normalize();

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheBuildsKafkaVersionInKraftModeWithoutTopicAutoCreation() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> kafka = (Map<String, Object>) services.get("kafka");
        Map<String, Object> environment = (Map<String, Object>) kafka.get("environment");

        assertThat(kafka.get("image")).isEqualTo("apache/kafka:" + System.getProperty("kafka.version"));
        assertThat(environment.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(environment.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
        assertThat(services).containsKeys("postgres", "mail");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLaunchersDemoPersonasAreTheIssuersOwn() throws IOException {
        Map<String, Object> config =
                new Yaml().load(Files.readString(root.resolve("identity-server/src/main/resources/application.yml")));
        Map<String, Object> identity =
                (Map<String, Object>) ((Map<String, Object>) config.get("qorgau")).get("identity");
        List<Map<String, Object>> personas = (List<Map<String, Object>>) identity.get("personas");

        assertThat(personas)
                .extracting(persona -> persona.get("client-id") + ":" + persona.get("secret"))
                .containsExactlyElementsOf(DemoPersona.ALL.stream()
                        .map(persona -> persona.clientId() + ":" + persona.secret())
                        .toList());
    }

    @Test
    void postgresGetsOneDatabaseAndRolePerService() throws IOException {
        String init = Files.readString(root.resolve("deploy/postgres/init-databases.sql"));
        LocalStackSettings settings = LocalStackSettings.from(
                InfraEnvironment.of(Map.of(LocalStackSettings.REPOSITORY_ROOT, root.toString())));

        for (ServiceSpec service :
                settings.services().stream().filter(ServiceSpec::hasDatabase).toList()) {
            assertThat(init)
                    .contains("CREATE ROLE " + service.database() + " LOGIN")
                    .contains("CREATE DATABASE " + service.database() + " OWNER " + service.database() + ";");
        }
    }
}
