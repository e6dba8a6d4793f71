package kz.qorgau.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One service of the local stack.
 *
 * @param name the Maven module and Spring application name
 * @param envPrefix the service's part of its environment variables ({@code QORGAU_ORDER_DB_URL}, ...)
 * @param database its database, also the name of its role; null for a service without one
 * @param port the public HTTP port
 * @param managementPort health and Prometheus
 * @param runtimeRole the role the service runs as when it is not the database's owner (who then
 *     only runs the migrations); null when the service runs as the owner
 */
public record ServiceSpec(
        String name, String envPrefix, String database, int port, int managementPort, String runtimeRole) {

    /** Whether the service keeps data in PostgreSQL. */
    public boolean hasDatabase() {
        return database != null;
    }

    /** Local-only demo password of the service's database role; production sets its own. */
    public static final String LOCAL_DB_PASSWORD = "qorgau-local-only";

    /** The runnable jar that {@code ./mvnw package} built in the module's target folder. */
    public Path executableJar(Path repositoryRoot) {
        Path target = repositoryRoot.resolve(name).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No runnable jar of " + name + " in " + target
                            + ": build it with ./mvnw -DskipTests package"));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "No build output for " + name + " in " + target + ": build it with ./mvnw -DskipTests package", e);
        }
    }

    public String healthUrl() {
        return "http://127.0.0.1:" + managementPort + "/actuator/health";
    }

    public String prometheusUrl() {
        return "http://127.0.0.1:" + managementPort + "/actuator/prometheus";
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + port + "/api/v1";
    }

    public String swaggerUiUrl() {
        return "http://127.0.0.1:" + port + "/swagger-ui.html";
    }
}
