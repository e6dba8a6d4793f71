package kz.qorgau.infrastructure.postgres;

import kz.qorgau.infrastructure.Source;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers PostgreSQL server, started at most once per JVM and never stopped here: Testcontainers'
 * reaper (Ryuk) removes it when the JVM ends. A class of its own so that Testcontainers loads only when
 * Docker is used.
 */
final class SharedPostgresContainer {

    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final int PORT = 5432;

    private static PostgreSQLContainer container;

    private SharedPostgresContainer() {}

    static synchronized PostgresServer server() {
        if (container == null) {
            PostgreSQLContainer started = new PostgreSQLContainer(DockerImageName.parse(PostgresDiscovery.IMAGE))
                    .withUsername(USER)
                    .withPassword(PASSWORD)
                    .withDatabaseName("postgres")
                    // Throwaway data: no fsync. Many test databases and service pools: more connections.
                    .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
            started.start();
            container = started;
        }
        String host = container.getHost();
        int port = container.getMappedPort(PORT);
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        return new PostgresServer(host, port, url, USER, PASSWORD, Source.TESTCONTAINERS);
    }
}
