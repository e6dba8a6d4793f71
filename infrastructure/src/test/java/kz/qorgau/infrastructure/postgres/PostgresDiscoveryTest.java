package kz.qorgau.infrastructure.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import kz.qorgau.infrastructure.DockerProbe;
import kz.qorgau.infrastructure.EnvNames;
import kz.qorgau.infrastructure.InfraEnvironment;
import kz.qorgau.infrastructure.InfrastructureException;
import kz.qorgau.infrastructure.PortAllocator;
import kz.qorgau.infrastructure.Source;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PostgresDiscoveryTest {

    private static final DockerProbe MUST_NOT_PROBE = () -> {
        throw new AssertionError("Docker must not be probed");
    };

    @Test
    void theEnvironmentWinsAndNothingIsProbed() {
        InfraEnvironment environment = InfraEnvironment.of(Map.of(
                EnvNames.QORGAU_POSTGRES_URL, "jdbc:postgresql://db.example.kz:6543/postgres?sslmode=require",
                EnvNames.QORGAU_POSTGRES_USER, "admin",
                EnvNames.QORGAU_POSTGRES_PASSWORD, "secret"));
        int closedPort = PortAllocator.freePort();

        PostgresServer server = PostgresDiscovery.discover(environment, MUST_NOT_PROBE, "127.0.0.1", closedPort);

        assertThat(server)
                .isEqualTo(new PostgresServer(
                        "db.example.kz",
                        6543,
                        "jdbc:postgresql://db.example.kz:6543/postgres?sslmode=require",
                        "admin",
                        "secret",
                        Source.ENVIRONMENT));
        assertThat(server.toString()).doesNotContain("secret");
        assertThat(server.jdbcUrl("orders")).isEqualTo("jdbc:postgresql://db.example.kz:6543/orders?sslmode=require");
    }

    @Test
    void theEnvironmentUrlDefaultsToUserPostgresAndPort5432() {
        PostgresServer server = PostgresDiscovery.discover(
                InfraEnvironment.of(Map.of(EnvNames.QORGAU_POSTGRES_URL, "jdbc:postgresql://db/postgres")),
                MUST_NOT_PROBE);

        assertThat(server.host()).isEqualTo("db");
        assertThat(server.port()).isEqualTo(5432);
        assertThat(server.adminUser()).isEqualTo("postgres");
        assertThat(server.adminPassword()).isEmpty();
    }

    @Test
    void urlsWithIpv6OrSeveralHostsOrNoDatabaseAreParsed() {
        PostgresServer ipv6 =
                PostgresServer.fromJdbcUrl("jdbc:postgresql://[::1]:6000/postgres", "u", "p", Source.ENVIRONMENT);
        assertThat(ipv6.host()).isEqualTo("::1");
        assertThat(ipv6.port()).isEqualTo(6000);
        assertThat(ipv6.jdbcUrl("audit")).isEqualTo("jdbc:postgresql://[::1]:6000/audit");

        PostgresServer several = PostgresServer.fromJdbcUrl(
                "jdbc:postgresql://a:5433,b:5434/postgres?targetServerType=primary", "u", "p", Source.ENVIRONMENT);
        assertThat(several.host()).isEqualTo("a");
        assertThat(several.port()).isEqualTo(5433);
        assertThat(several.jdbcUrl("audit"))
                .isEqualTo("jdbc:postgresql://a:5433,b:5434/audit?targetServerType=primary");

        PostgresServer noDatabase =
                PostgresServer.fromJdbcUrl("jdbc:postgresql://host:7000", "u", "p", Source.ENVIRONMENT);
        assertThat(noDatabase.jdbcUrl("audit")).isEqualTo("jdbc:postgresql://host:7000/audit");

        assertThatThrownBy(() -> PostgresServer.fromJdbcUrl("jdbc:mysql://x/y", "u", "p", Source.ENVIRONMENT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutEnvironmentAndDockerTheLocalServerIsUsed() {
        Assumptions.assumeTrue(
                System.getenv(EnvNames.QORGAU_POSTGRES_URL) == null,
                "QORGAU_POSTGRES_URL points elsewhere, so no server is expected on 127.0.0.1:5432");

        PostgresServer server = PostgresDiscovery.discover(InfraEnvironment.empty(), DockerProbe.unavailable());

        assertThat(server.source()).isEqualTo(Source.LOCAL_SERVER);
        assertThat(server.host()).isEqualTo("127.0.0.1");
        assertThat(server.port()).isEqualTo(5432);
        assertThat(server.adminUser()).isEqualTo("postgres");
        assertThat(server.adminJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    @Test
    void withNothingReachableTheMessageSaysWhatToStartOrSet() {
        int closedPort = PortAllocator.freePort();

        assertThatThrownBy(() -> PostgresDiscovery.discover(
                        InfraEnvironment.empty(), DockerProbe.unavailable(), "127.0.0.1", closedPort))
                .isInstanceOf(InfrastructureException.class)
                .hasMessageContaining(EnvNames.QORGAU_POSTGRES_URL)
                .hasMessageContaining(EnvNames.QORGAU_POSTGRES_USER)
                .hasMessageContaining(EnvNames.QORGAU_POSTGRES_PASSWORD)
                .hasMessageContaining("Docker")
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageNotContaining("\n");
    }

    @Test
    void dockerTurnedOffSkipsTheProbeAndFallsToTheLocalServer() {
        int closedPort = PortAllocator.freePort();

        assertThatThrownBy(() -> PostgresDiscovery.discover(
                        InfraEnvironment.of(Map.of(EnvNames.QORGAU_DOCKER, "off")),
                        MUST_NOT_PROBE,
                        "127.0.0.1",
                        closedPort))
                .isInstanceOf(InfrastructureException.class);
    }
}
