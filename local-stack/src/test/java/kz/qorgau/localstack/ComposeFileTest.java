package kz.qorgau.localstack;

import static kz.qorgau.localstack.RepositoryFiles.list;
import static kz.qorgau.localstack.RepositoryFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot be started here (no Docker engine), so this keeps it in step with the
 * code instead: the broker the build uses, no topic auto-creation, one database and role per service,
 * each service configured as the launcher configures it. The identity provider: {@link KeycloakRealmTest}.
 */
class ComposeFileTest {

    @Test
    void composeRunsTheBuildsKafkaVersionInKraftModeWithoutTopicAutoCreation() {
        Map<String, Object> services = RepositoryFiles.composeServices();
        Map<String, Object> kafka = map(services, "kafka");
        Map<String, Object> environment = map(kafka, "environment");

        assertThat(kafka.get("image")).isEqualTo("apache/kafka:" + System.getProperty("kafka.version"));
        assertThat(environment.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(environment.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
        assertThat(services).containsKeys("postgres", "mail");
    }

    @Test
    void theLaunchersDemoPersonasAreTheIssuersOwn() {
        assertThat(RepositoryFiles.identityPersonas())
                .extracting(persona -> persona.get("client-id") + ":" + persona.get("secret"))
                .containsExactlyElementsOf(DemoPersona.ALL.stream()
                        .map(persona -> persona.clientId() + ":" + persona.secret())
                        .toList());
    }

    @Test
    void postgresGetsOneDatabaseAndRolePerService() throws IOException {
        String init = Files.readString(RepositoryFiles.resolve("deploy/postgres/init-databases.sql"));

        for (ServiceSpec service : RepositoryFiles.launcherServices().stream()
                .filter(ServiceSpec::hasDatabase)
                .toList()) {
            assertThat(init)
                    .contains("CREATE ROLE " + service.database() + " LOGIN")
                    .contains("CREATE DATABASE " + service.database() + " OWNER " + service.database() + ";");
            if (service.runtimeRole() != null) {
                assertThat(init).contains("CREATE ROLE " + service.runtimeRole() + " LOGIN");
            }
        }
    }

    @Test
    void composeRunsEachServiceAsTheLauncherDoes() {
        Map<String, Object> services = RepositoryFiles.composeServices();
        // Containers reach the broker on its INTERNAL listener.
        String internalBroker = List.of(map(map(services, "kafka"), "environment")
                        .get("KAFKA_ADVERTISED_LISTENERS")
                        .toString()
                        .split(","))
                .stream()
                .filter(listener -> listener.startsWith("INTERNAL://"))
                .map(listener -> listener.substring("INTERNAL://".length()))
                .findFirst()
                .orElseThrow();

        for (ServiceSpec spec : RepositoryFiles.launcherServices().stream()
                .filter(ServiceSpec::hasDatabase)
                .toList()) {
            Map<String, Object> service = map(services, spec.name());
            Map<String, Object> environment = map(service, "environment");
            String prefix = "QORGAU_" + spec.envPrefix() + "_";

            assertThat(list(service, "profiles")).as(spec.name()).containsExactly("services");
            assertThat(environment)
                    .as(spec.name())
                    .containsEntry("QORGAU_KAFKA_BOOTSTRAP_SERVERS", internalBroker)
                    .containsEntry(prefix + "DB_URL", "jdbc:postgresql://postgres:5432/" + spec.database())
                    .containsEntry(
                            prefix + "DB_USER", spec.runtimeRole() == null ? spec.database() : spec.runtimeRole())
                    // Services have no default password and no keys (docs/adr/0014): compose gives them.
                    .containsKey(prefix + "DB_PASSWORD")
                    .containsEntry(LocalStackSettings.LOCAL_DEMO_KEYS, "true");
            if (spec.runtimeRole() != null) {
                assertThat(environment)
                        .as(spec.name())
                        .containsEntry(prefix + "DB_OWNER", spec.database())
                        .containsEntry(prefix + "DATABASE_REQUIRERESTRICTEDROLE", "true");
            }
            // The API published on the launcher's port, and only to the host itself; the management port
            // listens inside the compose network and is not published at all (docs/adr/0014).
            assertThat(list(service, "ports"))
                    .as(spec.name())
                    .containsExactly("127.0.0.1:" + spec.port() + ":" + spec.port());
            assertThat(environment).as(spec.name()).containsEntry(prefix + "MANAGEMENT_ADDRESS", "0.0.0.0");
            // Its image is the services' Dockerfile with its arguments (ComposeDeploymentTest checks them).
            assertThat(map(map(service, "build"), "args")).as(spec.name()).containsEntry("SERVICE", spec.name());
        }
    }
}
