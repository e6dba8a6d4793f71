package kz.qorgau.infrastructure.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import kz.qorgau.infrastructure.DockerProbe;
import kz.qorgau.infrastructure.EnvNames;
import kz.qorgau.infrastructure.InfraEnvironment;
import kz.qorgau.infrastructure.InfrastructureException;
import kz.qorgau.infrastructure.PortAllocator;
import kz.qorgau.infrastructure.Source;

/**
 * Finds a PostgreSQL server with an admin login, in this order:
 *
 * <ol>
 *   <li>{@link EnvNames#QORGAU_POSTGRES_URL} with {@link EnvNames#QORGAU_POSTGRES_USER} (default {@code
 *       postgres}) and {@link EnvNames#QORGAU_POSTGRES_PASSWORD} ({@link Source#ENVIRONMENT}); nothing is
 *       probed;
 *   <li>when Docker answers (and {@link EnvNames#QORGAU_DOCKER} is not {@code off}), a Testcontainers
 *       {@value #IMAGE} container, started once per JVM ({@link Source#TESTCONTAINERS});
 *   <li>a server already running on 127.0.0.1:5432, as user {@code postgres} unless the user and password
 *       variables say otherwise ({@link Source#LOCAL_SERVER});
 *   <li>else an {@link InfrastructureException} that says what to start or set.
 * </ol>
 */
public final class PostgresDiscovery {

    public static final String IMAGE = "postgres:15-alpine";
    public static final String DEFAULT_LOCAL_HOST = "127.0.0.1";
    public static final int DEFAULT_LOCAL_PORT = 5432;
    public static final String DEFAULT_USER = "postgres";

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

    private PostgresDiscovery() {}

    public static PostgresServer discover(InfraEnvironment environment, DockerProbe docker) {
        return discover(environment, docker, DEFAULT_LOCAL_HOST, DEFAULT_LOCAL_PORT);
    }

    /** As {@link #discover(InfraEnvironment, DockerProbe)}, with the local server's address given. */
    public static PostgresServer discover(
            InfraEnvironment environment, DockerProbe docker, String localHost, int localPort) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(docker, "docker");
        String user = environment.get(EnvNames.QORGAU_POSTGRES_USER).orElse(DEFAULT_USER);
        var url = environment.get(EnvNames.QORGAU_POSTGRES_URL);
        if (url.isPresent()) {
            String password = environment.get(EnvNames.QORGAU_POSTGRES_PASSWORD).orElse("");
            return PostgresServer.fromJdbcUrl(url.get(), user, password, Source.ENVIRONMENT);
        }
        if (DockerProbe.usable(environment, docker)) {
            return SharedPostgresContainer.server();
        }
        String password = environment.get(EnvNames.QORGAU_POSTGRES_PASSWORD).orElse(DEFAULT_USER);
        return local(localHost, localPort, user, password);
    }

    private static PostgresServer local(String host, int port, String user, String password) {
        if (!PortAllocator.isListening(host, port, CONNECT_TIMEOUT)) {
            throw new InfrastructureException("No PostgreSQL found: set " + EnvNames.QORGAU_POSTGRES_URL + " (with "
                    + EnvNames.QORGAU_POSTGRES_USER + " and " + EnvNames.QORGAU_POSTGRES_PASSWORD
                    + ") to an admin connection of a running server, start Docker so that Testcontainers can run "
                    + IMAGE + ", or start PostgreSQL on " + host + ":" + port + " with a user " + user + ".");
        }
        String url = "jdbc:postgresql://" + hostForUrl(host) + ":" + port + "/postgres";
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "5");
        properties.setProperty("socketTimeout", "10");
        try (Connection connection = DriverManager.getConnection(url, properties);
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (SQLException e) {
            throw new InfrastructureException(
                    "PostgreSQL on " + host + ":" + port + " did not let user " + user + " in (" + e.getMessage()
                            + "); set " + EnvNames.QORGAU_POSTGRES_USER + " and "
                            + EnvNames.QORGAU_POSTGRES_PASSWORD + " to an admin login, or "
                            + EnvNames.QORGAU_POSTGRES_URL + " to another server.",
                    e);
        }
        return new PostgresServer(host, port, url, user, password, Source.LOCAL_SERVER);
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
