package kz.qorgau.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.HashMap;
import java.util.Map;
import kz.qorgau.infrastructure.InfraEnvironment;
import org.junit.jupiter.api.Test;

/** Which issuer the launcher starts, and where it points the services' token checks. */
class LocalStackSettingsTest {

    @Test
    void theLocalIssuerStartsFirstByDefaultAndEveryServiceTrustsIt() {
        LocalStackSettings settings = settings(Map.of());

        assertThat(settings.withIdentity()).isTrue();
        assertThat(settings.services()).first().isEqualTo(settings.identityServer());
        assertThat(settings.localIssuer()).isEqualTo("http://127.0.0.1:9000");
        assertThat(LocalStack.oidcEnvironment(settings, InfraEnvironment.empty()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        LocalStackSettings.OIDC_ISSUER_URI, "http://127.0.0.1:9000",
                        LocalStackSettings.OIDC_JWK_SET_URI, "http://127.0.0.1:9000/oauth2/jwks",
                        LocalStackSettings.OIDC_AUDIENCE, RepositoryFiles.identityDefault("audience")));
    }

    @Test
    void theTestsStacksSideBySideShareNoPortAndLeaveTheRandomPortsBandFree() throws Exception {
        java.util.regex.Matcher band = java.util.regex.Pattern.compile("<qorgau.free-ports>(\\d+)-(\\d+)<")
                .matcher(java.nio.file.Files.readString(RepositoryFiles.ROOT.resolve("local-stack/pom.xml")));
        assertThat(band.find()).as("local-stack/pom.xml names the band").isTrue();
        java.util.List<Integer> ports = new java.util.ArrayList<>();
        for (int slot = 0; slot < LocalStackLauncher.OFFSETS; slot++) {
            LocalStackSettings settings = settings(
                    Map.of(LocalStackSettings.PORT_OFFSET, Integer.toString(LocalStackLauncher.portOffset(slot))));
            for (ServiceSpec service : settings.services()) {
                ports.add(service.port());
                ports.add(service.managementPort());
            }
            ports.addAll(java.util.List.of(
                    settings.kafkaPort(),
                    settings.kafkaControllerPort(),
                    settings.smtpPort(),
                    settings.imapPort(),
                    settings.smsGatewayPort(),
                    settings.prometheusPort()));
        }
        assertThat(ports)
                .doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(port).isBetween(10_000, 32_767))
                .noneSatisfy(port -> assertThat(port)
                        .isBetween(Integer.parseInt(band.group(1)), Integer.parseInt(band.group(2)) - 1));
    }

    @Test
    void theIssuerMovesWithThePortOffsetAndSoDoesWhatTheServicesTrust() {
        LocalStackSettings settings = settings(Map.of(LocalStackSettings.PORT_OFFSET, "10100"));

        assertThat(settings.identityServer().port()).isEqualTo(19100);
        assertThat(settings.identityServer().managementPort()).isEqualTo(19190);
        assertThat(LocalStack.oidcEnvironment(settings, InfraEnvironment.empty()))
                .containsEntry(LocalStackSettings.OIDC_ISSUER_URI, "http://127.0.0.1:19100")
                .containsEntry(LocalStackSettings.OIDC_JWK_SET_URI, "http://127.0.0.1:19100/oauth2/jwks");
    }

    @Test
    void whileTheLocalIssuerRunsTheServicesTrustItAndNoOtherProvider() {
        Map<String, String> keycloak = keycloak();
        LocalStackSettings settings = settings(keycloak);

        assertThat(LocalStack.oidcEnvironment(settings, InfraEnvironment.of(keycloak)))
                .containsEntry(LocalStackSettings.OIDC_ISSUER_URI, settings.localIssuer());
    }

    @Test
    void moreJvmOptionsComeSplitAtSpacesAndNoneByDefault() {
        assertThat(settings(Map.of()).serviceJvmOptions()).isEmpty();
        assertThat(settings(Map.of(LocalStackSettings.JVM_OPTIONS, "  ")).serviceJvmOptions())
                .isEmpty();
        assertThat(settings(Map.of(LocalStackSettings.JVM_OPTIONS, " -XX:TieredStopAtLevel=4  -Xss512k"))
                        .serviceJvmOptions())
                .containsExactly("-XX:TieredStopAtLevel=4", "-Xss512k");
    }

    @Test
    void offStartsNoIssuerAndPassesAnotherProviderThrough() {
        Map<String, String> environment = new HashMap<>(keycloak());
        environment.put(LocalStackSettings.WITH_IDENTITY, "OFF");
        LocalStackSettings settings = settings(environment);

        assertThat(settings.withIdentity()).isFalse();
        assertThat(settings.services()).extracting(ServiceSpec::name).doesNotContain(LocalStack.IDENTITY_SERVER);
        assertThat(LocalStack.oidcEnvironment(settings, InfraEnvironment.of(environment)))
                .containsExactlyInAnyOrderEntriesOf(keycloak());
        assertThat(LocalStack.oidcEnvironment(settings, InfraEnvironment.empty()))
                .isEmpty();
    }

    @Test
    void aMistypedSwitchIsRefusedRatherThanGuessed() {
        assertThatIllegalStateException()
                .isThrownBy(() -> settings(Map.of(LocalStackSettings.WITH_IDENTITY, "false")))
                .withMessageContaining(LocalStackSettings.WITH_IDENTITY);
    }

    @Test
    void prometheusIsWantedByDefaultOnAPortClearOfTheIssuersManagementPort() {
        LocalStackSettings settings = settings(Map.of());

        assertThat(settings.withPrometheus()).isTrue();
        assertThat(settings.prometheusPort())
                .isEqualTo(9190)
                .isNotIn(settings.services().stream()
                        .map(ServiceSpec::managementPort)
                        .toList());
        assertThat(settings(Map.of(LocalStackSettings.WITH_PROMETHEUS, "off")).withPrometheus())
                .isFalse();
        assertThatIllegalStateException()
                .isThrownBy(() -> settings(Map.of(LocalStackSettings.WITH_PROMETHEUS, "no")))
                .withMessageContaining(LocalStackSettings.WITH_PROMETHEUS);
    }

    private static Map<String, String> keycloak() {
        return Map.of(
                LocalStackSettings.OIDC_ISSUER_URI, "http://localhost:8180/realms/qorgau",
                LocalStackSettings.OIDC_JWK_SET_URI,
                        "http://localhost:8180/realms/qorgau/protocol/openid-connect/certs",
                LocalStackSettings.OIDC_AUDIENCE, "qorgau-api");
    }

    private static LocalStackSettings settings(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>(environment);
        values.put(LocalStackSettings.REPOSITORY_ROOT, RepositoryFiles.ROOT.toString());
        return LocalStackSettings.from(InfraEnvironment.of(values));
    }
}
