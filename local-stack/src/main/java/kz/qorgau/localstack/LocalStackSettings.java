package kz.qorgau.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kz.qorgau.infrastructure.InfraEnvironment;

/**
 * Where the local stack keeps its data and which ports it uses. Every port moves by
 * {@code QORGAU_LOCAL_PORT_OFFSET}, so a second stack (the launcher test) can run beside a
 * developer's own.
 *
 * @param repositoryRoot the checkout, where the service jars are built
 * @param dataDir everything the stack keeps between runs (ignored by git)
 * @param portOffset added to every default port
 * @param serviceHeap the -Xmx of each service process
 * @param startTimeout how long a service may take to become healthy
 * @param databasePrefix put before every database and role name, so that a second stack (the
 *     launcher test) keeps its data apart from a developer's own
 * @param withIdentity also start the local token issuer; off by default until the services
 *     require tokens, since a fourth JVM on two cores costs the stack its 30 s start
 */
public record LocalStackSettings(
        Path repositoryRoot,
        Path dataDir,
        int portOffset,
        String serviceHeap,
        Duration startTimeout,
        String databasePrefix,
        boolean withIdentity) {

    public static final String DATA_DIR = "QORGAU_DATA_DIR";
    public static final String PORT_OFFSET = "QORGAU_LOCAL_PORT_OFFSET";
    public static final String REPOSITORY_ROOT = "QORGAU_REPOSITORY_ROOT";
    public static final String DATABASE_PREFIX = "QORGAU_LOCAL_DB_PREFIX";
    public static final String WITH_IDENTITY = "QORGAU_LOCAL_IDENTITY";

    static final int KAFKA_PORT = 19092;
    static final int KAFKA_CONTROLLER_PORT = 19093;
    static final int SMTP_PORT = 3025;
    static final int IMAP_PORT = 3143;

    /** Reads the settings from the environment; the defaults work from the checkout's root. */
    public static LocalStackSettings from(InfraEnvironment environment) {
        Path root = environment
                .get(REPOSITORY_ROOT)
                .map(Path::of)
                .orElseGet(() -> Path.of("").toAbsolutePath())
                .normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new IllegalStateException("Run the local stack from the Qorgau checkout (./qorgau-local), or set "
                    + REPOSITORY_ROOT + " to it; no pom.xml in " + root);
        }
        Path dataDir = environment
                .get(DATA_DIR)
                .map(Path::of)
                .orElse(root.resolve(".qorgau"))
                .toAbsolutePath()
                .normalize();
        int offset = environment.get(PORT_OFFSET).map(Integer::parseInt).orElse(0);
        String databasePrefix = environment.get(DATABASE_PREFIX).orElse("");
        if (!databasePrefix.matches("[a-z0-9_]{0,20}")) {
            throw new IllegalStateException(DATABASE_PREFIX + " may hold up to 20 lower-case letters, digits and '_'");
        }
        boolean withIdentity =
                environment.get(WITH_IDENTITY).map("on"::equalsIgnoreCase).orElse(false);
        return new LocalStackSettings(
                root, dataDir, offset, "256m", Duration.ofSeconds(90), databasePrefix, withIdentity);
    }

    public int kafkaPort() {
        return KAFKA_PORT + portOffset;
    }

    public int kafkaControllerPort() {
        return KAFKA_CONTROLLER_PORT + portOffset;
    }

    public int smtpPort() {
        return SMTP_PORT + portOffset;
    }

    public int imapPort() {
        return IMAP_PORT + portOffset;
    }

    /** The three services, each with its own database and ports. */
    public List<ServiceSpec> services() {
        List<ServiceSpec> services = new ArrayList<>();
        if (withIdentity) {
            // The local OIDC token issuer; production uses any OIDC provider by configuration.
            services.add(
                    new ServiceSpec("identity-server", "IDENTITY", null, 9000 + portOffset, 9090 + portOffset, null));
        }
        services.addAll(List.of(
                new ServiceSpec(
                        "order-service",
                        "ORDER",
                        databasePrefix + "qorgau_order",
                        8081 + portOffset,
                        9081 + portOffset,
                        null),
                new ServiceSpec(
                        "notification-service",
                        "NOTIFICATION",
                        databasePrefix + "qorgau_notification",
                        8082 + portOffset,
                        9082 + portOffset,
                        null),
                // The audit trail's runtime role may only SELECT and INSERT (docs/adr/0008).
                new ServiceSpec(
                        "audit-service",
                        "AUDIT",
                        databasePrefix + "qorgau_audit",
                        8083 + portOffset,
                        9083 + portOffset,
                        databasePrefix + "qorgau_audit_app")));
        return List.copyOf(services);
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    /** The issuer's signing key, made on the first start and kept, so tokens outlive a restart. */
    public Path identitySigningKey() {
        return dataDir.resolve("identity").resolve("signing-key.pem");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }
}
