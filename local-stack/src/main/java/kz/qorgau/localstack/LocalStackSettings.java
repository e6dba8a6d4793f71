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
 * @param withIdentity start the local token issuer and point every service at it (the default,
 *     since the services require tokens); off for another OIDC provider, named by the QORGAU_OIDC_*
 *     variables, which the launcher then passes through
 * @param withPrometheus start a Prometheus scraping the stack when one is on the PATH (the default)
 * @param serviceJvmOptions more options for each service's JVM, after the stack's own (the last of a
 *     repeated option wins): a profiler's agent, or the full JIT a benchmark measures with
 * @param sharedClasses start each service from its extracted jar with a class-data sharing archive kept in
 *     {@code dataDir/classes} (the default; docs/adr/0042)
 */
public record LocalStackSettings(
        Path repositoryRoot,
        Path dataDir,
        int portOffset,
        String serviceHeap,
        Duration startTimeout,
        String databasePrefix,
        boolean withIdentity,
        boolean withPrometheus,
        List<String> serviceJvmOptions,
        boolean sharedClasses) {

    public static final String DATA_DIR = "QORGAU_DATA_DIR";
    public static final String PORT_OFFSET = "QORGAU_LOCAL_PORT_OFFSET";
    public static final String REPOSITORY_ROOT = "QORGAU_REPOSITORY_ROOT";
    public static final String DATABASE_PREFIX = "QORGAU_LOCAL_DB_PREFIX";
    public static final String WITH_IDENTITY = "QORGAU_LOCAL_IDENTITY";
    public static final String WITH_PROMETHEUS = "QORGAU_LOCAL_PROMETHEUS";
    public static final String JVM_OPTIONS = "QORGAU_LOCAL_JVM_OPTIONS";
    public static final String SHARED_CLASSES = "QORGAU_LOCAL_CDS";

    /** The services' switch for the public demo keys, which the local stack turns on (docs/adr/0014). */
    public static final String LOCAL_DEMO_KEYS = "QORGAU_LOCAL_DEMO_KEYS";

    /** Where the services check tokens (their application.yml reads these). */
    public static final String OIDC_ISSUER_URI = "QORGAU_OIDC_ISSUER_URI";

    public static final String OIDC_JWK_SET_URI = "QORGAU_OIDC_JWK_SET_URI";
    public static final String OIDC_AUDIENCE = "QORGAU_OIDC_AUDIENCE";

    /** The aud claim the local issuer puts in its tokens, and the services' default. */
    static final String LOCAL_AUDIENCE = "qorgau-api";

    static final int IDENTITY_PORT = 9000;
    static final int IDENTITY_MANAGEMENT_PORT = 9090;

    static final int KAFKA_PORT = 19092;
    static final int KAFKA_CONTROLLER_PORT = 19093;
    static final int SMTP_PORT = 3025;
    static final int SMS_GATEWAY_PORT = 8089;
    static final int IMAP_PORT = 3143;
    /** Not Prometheus's own 9090, which is identity-server's management port. */
    static final int PROMETHEUS_PORT = 9190;

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
        boolean withIdentity = onOrOff(environment, WITH_IDENTITY);
        boolean withPrometheus = onOrOff(environment, WITH_PROMETHEUS);
        List<String> jvmOptions = environment
                .get(JVM_OPTIONS)
                .map(options -> List.of(options.trim().split("\\s+")))
                .filter(options -> !options.get(0).isEmpty())
                .orElse(List.of());
        return new LocalStackSettings(
                root,
                dataDir,
                offset,
                "256m",
                Duration.ofSeconds(90),
                databasePrefix,
                withIdentity,
                withPrometheus,
                jvmOptions,
                onOrOff(environment, SHARED_CLASSES));
    }

    private static boolean onOrOff(InfraEnvironment environment, String name) {
        String value = environment.get(name).orElse("on");
        if (!value.equalsIgnoreCase("on") && !value.equalsIgnoreCase("off")) {
            throw new IllegalStateException(name + " is on (the default) or off, not '" + value + "'");
        }
        return value.equalsIgnoreCase("on");
    }

    public int kafkaPort() {
        return KAFKA_PORT + portOffset;
    }

    public int kafkaControllerPort() {
        return KAFKA_CONTROLLER_PORT + portOffset;
    }

    public int smsGatewayPort() {
        return SMS_GATEWAY_PORT + portOffset;
    }

    public int smtpPort() {
        return SMTP_PORT + portOffset;
    }

    public int imapPort() {
        return IMAP_PORT + portOffset;
    }

    /** The local OIDC token issuer; production uses any OIDC provider by configuration. */
    public ServiceSpec identityServer() {
        return new ServiceSpec(
                "identity-server",
                "IDENTITY",
                null,
                IDENTITY_PORT + portOffset,
                IDENTITY_MANAGEMENT_PORT + portOffset,
                null);
    }

    /** The local issuer's address: the iss claim of its tokens, and where the services find its keys. */
    public String localIssuer() {
        return "http://127.0.0.1:" + identityServer().port();
    }

    /** The issuer (when started) and the three services, each with its own database and ports. */
    public List<ServiceSpec> services() {
        List<ServiceSpec> services = new ArrayList<>();
        if (withIdentity) {
            services.add(identityServer());
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

    public int prometheusPort() {
        return PROMETHEUS_PORT + portOffset;
    }

    /** Prometheus's configuration and time-series data. */
    public Path prometheusDir() {
        return dataDir.resolve("prometheus");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }
}
