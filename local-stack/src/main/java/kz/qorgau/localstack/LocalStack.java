package kz.qorgau.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.qorgau.infrastructure.DockerProbe;
import kz.qorgau.infrastructure.EnvNames;
import kz.qorgau.infrastructure.InfraEnvironment;
import kz.qorgau.infrastructure.PortAllocator;
import kz.qorgau.infrastructure.identity.SigningKeyFile;
import kz.qorgau.infrastructure.kafka.KafkaBrokerProcess;
import kz.qorgau.infrastructure.kafka.KafkaDiscovery;
import kz.qorgau.infrastructure.kafka.KafkaEndpoint;
import kz.qorgau.infrastructure.postgres.DatabaseProvisioner;
import kz.qorgau.infrastructure.postgres.PostgresDiscovery;
import kz.qorgau.infrastructure.postgres.PostgresServer;
import kz.qorgau.infrastructure.process.InParallel;
import kz.qorgau.infrastructure.process.JavaServiceProcess;
import kz.qorgau.infrastructure.smtp.SmtpInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: the broker, the databases, an SMTP inbox, and each service as
 * its own process. Stopping it stops everything in reverse order; its data stay in the data folder
 * (Kafka's logs) and in the PostgreSQL server (the databases), so the next start loses nothing.
 */
final class LocalStack implements AutoCloseable {

    /** notification-service's SMS gateway; when set, the launcher starts no simulator and passes it on. */
    static final String SMS_GATEWAY_URL = "QORGAU_SMS_GATEWAY_URL";

    static final String SAMPLING_PROBABILITY = "MANAGEMENT_TRACING_SAMPLING_PROBABILITY";

    /** How long a service that writes its class-data archive at exit may take to stop (docs/adr/0042). */
    static final Duration ARCHIVE_STOP_GRACE = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    static final String IDENTITY_SERVER = "identity-server";

    /** A valid IIN of nobody in the walk-through, for the printed example: it finds no order. */
    static final String EXAMPLE_IIN = "950315400125";

    private static final List<String> OIDC_SETTINGS = List.of(
            LocalStackSettings.OIDC_ISSUER_URI, LocalStackSettings.OIDC_JWK_SET_URI, LocalStackSettings.OIDC_AUDIENCE);

    private final LocalStackSettings settings;
    private final InfraEnvironment environment;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<ServiceSpec, JavaServiceProcess> services = new LinkedHashMap<>();
    private KafkaEndpoint kafka;
    private PostgresServer postgres;
    private String smtpHost;
    private int smtpPort;
    private SmtpInbox inbox;
    /** The SMS gateway notification-service sends to: the simulator's, or the one the environment names. */
    private String smsGatewayUrl;

    private SmsGatewaySimulator smsGateway;
    private PrometheusProcess prometheus;
    /** Why no Prometheus runs, for the printed addresses; null while one runs. */
    private String noPrometheus;

    LocalStack(LocalStackSettings settings, InfraEnvironment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    /** Starts everything and waits until every service is healthy; on failure stops what it started. */
    void start() {
        try {
            List<ServiceSpec> specs = settings.services();
            specs.forEach(spec -> {
                requireFree(spec.port(), spec.name() + " HTTP");
                requireFree(spec.managementPort(), spec.name() + " management");
            });
            Files.createDirectories(settings.dataDir());
            Map<ServiceSpec, SharedClasses.Launch> jars = launches(specs);

            // The issuer needs neither broker nor database: its JVM starts while they are prepared.
            if (settings.withIdentity()) {
                warnOfIgnoredOidcSettings();
                ServiceSpec identity = settings.identityServer();
                startService(identity, jars.remove(identity), identityEnvironment(identity));
            }
            startKafka();
            startDatabases(specs);
            startInbox();
            startSmsGateway();
            jars.forEach((spec, jar) -> startService(spec, jar, serviceEnvironment(spec)));
            awaitHealthy();
            startPrometheus();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startKafka() {
        // No Testcontainers here: a container's data die with it, and the stack must keep its data.
        // With Docker, `docker compose up -d` and QORGAU_KAFKA_BOOTSTRAP_SERVERS give a kept broker.
        DockerProbe noContainers = () -> false;
        kafka = KafkaDiscovery.discover(environment, noContainers, () -> {
            requireFree(settings.kafkaPort(), "Kafka");
            requireFree(settings.kafkaControllerPort(), "the Kafka controller");
            KafkaBrokerProcess broker = KafkaBrokerProcess.builder(settings.kafkaDir())
                    .port(settings.kafkaPort())
                    .controllerPort(settings.kafkaControllerPort())
                    .build();
            started.push(broker::stop);
            broker.start();
            return broker.endpoint();
        });
        log.info("Kafka: {} ({})", kafka.bootstrapServers(), kafka.source());
    }

    private void startDatabases(List<ServiceSpec> specs) {
        postgres = PostgresDiscovery.discover(environment, () -> false);
        DatabaseProvisioner provisioner = new DatabaseProvisioner(postgres);
        for (ServiceSpec spec : specs.stream().filter(ServiceSpec::hasDatabase).toList()) {
            provisioner.ensureServiceDatabase(spec.database(), spec.database(), ServiceSpec.LOCAL_DB_PASSWORD);
            if (spec.runtimeRole() != null) {
                provisioner.ensureLoginRole(spec.runtimeRole(), ServiceSpec.LOCAL_DB_PASSWORD);
            }
        }
        log.info("PostgreSQL: {}:{} ({})", postgres.host(), postgres.port(), postgres.source());
    }

    private void startInbox() {
        var host = environment.get(EnvNames.QORGAU_SMTP_HOST);
        if (host.isPresent()) {
            smtpHost = host.get();
            smtpPort = environment
                    .get(EnvNames.QORGAU_SMTP_PORT)
                    .map(Integer::parseInt)
                    .orElse(25);
            return;
        }
        requireFree(settings.smtpPort(), "the SMTP inbox");
        requireFree(settings.imapPort(), "the IMAP inbox");
        inbox = SmtpInbox.start(settings.smtpPort(), settings.imapPort());
        started.push(inbox::stop);
        smtpHost = "127.0.0.1";
        smtpPort = inbox.smtpPort();
    }

    private void startSmsGateway() {
        var configured = environment.get(SMS_GATEWAY_URL);
        if (configured.isPresent()) {
            smsGatewayUrl = configured.get();
            return;
        }
        requireFree(settings.smsGatewayPort(), "the SMS gateway simulator");
        smsGateway = SmsGatewaySimulator.start(settings.smsGatewayPort());
        started.push(smsGateway::close);
        smsGatewayUrl = smsGateway.url();
    }

    /** Each service's jar and the options that go with it: extracted and sharing classes unless that is off. */
    private Map<ServiceSpec, SharedClasses.Launch> launches(List<ServiceSpec> specs) {
        Map<ServiceSpec, SharedClasses.Launch> launches = new java.util.concurrent.ConcurrentHashMap<>();
        InParallel.forEach(specs, spec -> {
            Path jar = spec.executableJar(settings.repositoryRoot());
            launches.put(
                    spec,
                    settings.sharedClasses()
                            ? SharedClasses.prepare(
                                    jar, settings.dataDir().resolve("classes").resolve(spec.name()))
                            : new SharedClasses.Launch(jar, List.of()));
        });
        Map<ServiceSpec, SharedClasses.Launch> ordered = new LinkedHashMap<>();
        specs.forEach(spec -> ordered.put(spec, launches.get(spec)));
        return ordered;
    }

    private void startService(ServiceSpec spec, SharedClasses.Launch launch, Map<String, String> environment) {
        List<String> jvmOptions = new ArrayList<>(List.of(
                "-Xmx" + settings.serviceHeap(),
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                // C1 only: a local stack values start-up time over peak throughput.
                "-XX:TieredStopAtLevel=1",
                // Logs in UTF-8 whatever the locale, so that Kazakh and Russian text stays searchable.
                "-Dfile.encoding=UTF-8"));
        jvmOptions.addAll(launch.jvmOptions());
        jvmOptions.addAll(settings.serviceJvmOptions());
        JavaServiceProcess process = JavaServiceProcess.start(
                spec.name(),
                launch.jar(),
                jvmOptions,
                environment,
                settings.logDir().resolve(spec.name() + ".log"));
        services.put(spec, process);
        if (launch.writesArchiveAtExit()) {
            // The archive is written after the shutdown hooks: 10 s and more on two busy cores, where a service
            // stopped within the usual 30 s would be killed while writing it (seen in CI), leaving none.
            started.push(() -> process.stop(ARCHIVE_STOP_GRACE));
        } else {
            started.push(process);
        }
    }

    private void awaitHealthy() {
        InParallel.forEach(services.entrySet(), service -> service.getValue()
                .awaitHealthy(URI.create(service.getKey().healthUrl()), settings.startTimeout()));
    }

    /**
     * A real Prometheus with the project's scrape configuration and rules, when one is on the PATH;
     * without it, or if it does not start, the stack runs on and says so.
     */
    private void startPrometheus() {
        if (!settings.withPrometheus()) {
            noPrometheus = "not started (" + LocalStackSettings.WITH_PROMETHEUS + "=off)";
            return;
        }
        var binary = PrometheusProcess.onPath(PrometheusProcess.BINARY);
        if (binary.isEmpty()) {
            noPrometheus = "not started: no prometheus on the PATH (" + PrometheusProcess.INSTALL_HINT + ")";
            log.warn("Prometheus {}", noPrometheus);
            return;
        }
        if (!PortAllocator.isFree(settings.prometheusPort())) {
            noPrometheus = "not started: port " + settings.prometheusPort() + " is taken";
            log.warn("Prometheus {}", noPrometheus);
            return;
        }
        try {
            prometheus = PrometheusProcess.start(
                    binary.get(),
                    settings.prometheusDir(),
                    settings.prometheusPort(),
                    PrometheusProcess.scrapeConfiguration(settings, Duration.ofSeconds(15)),
                    settings.logDir().resolve("prometheus.log"),
                    Duration.ofSeconds(60));
            started.push(prometheus);
        } catch (RuntimeException e) {
            noPrometheus = "not started: " + e.getMessage();
            log.warn("Prometheus {}", noPrometheus);
        }
    }

    private Map<String, String> identityEnvironment(ServiceSpec identity) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QORGAU_IDENTITY_ISSUER", settings.localIssuer());
        env.put("QORGAU_IDENTITY_AUDIENCE", LocalStackSettings.LOCAL_AUDIENCE);
        env.put("QORGAU_IDENTITY_SIGNING_KEY_LOCATION", "file:" + SigningKeyFile.ensure(settings.identitySigningKey()));
        env.put("QORGAU_IDENTITY_PORT", Integer.toString(identity.port()));
        env.put("QORGAU_IDENTITY_MANAGEMENT_PORT", Integer.toString(identity.managementPort()));
        return env;
    }

    private Map<String, String> serviceEnvironment(ServiceSpec spec) {
        String prefix = "QORGAU_" + spec.envPrefix() + "_";
        Map<String, String> env = new LinkedHashMap<>();
        env.put(EnvNames.QORGAU_KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        if (spec.hasDatabase()) {
            env.put(
                    prefix + "DB_URL",
                    "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + spec.database());
            env.put(prefix + "DB_PASSWORD", ServiceSpec.LOCAL_DB_PASSWORD);
            if (spec.runtimeRole() == null) {
                env.put(prefix + "DB_USER", spec.database());
            } else {
                env.put(prefix + "DB_USER", spec.runtimeRole());
                env.put(prefix + "DB_OWNER", spec.database());
                env.put(prefix + "DB_OWNER_PASSWORD", ServiceSpec.LOCAL_DB_PASSWORD);
                env.put(prefix + "DATABASE_REQUIRERESTRICTEDROLE", "true");
            }
        }
        env.putAll(oidcEnvironment(settings, environment));
        // The public demo keys: off by default in every service (docs/adr/0014), on for the local stack only.
        env.put(LocalStackSettings.LOCAL_DEMO_KEYS, "true");
        // A browser loads Swagger UI and signs a person in at the issuer; the API itself needs a token.
        env.put("QORGAU_API_DOCS_PUBLIC", "true");
        env.put(prefix + "PORT", Integer.toString(spec.port()));
        env.put(prefix + "MANAGEMENT_PORT", Integer.toString(spec.managementPort()));
        if ("NOTIFICATION".equals(spec.envPrefix())) {
            // The police notices' acknowledgement links point at this service's port, offset or not (docs/adr/0024).
            env.put("QORGAU_NOTIFICATION_PUBLIC_URL", "http://127.0.0.1:" + spec.port());
            env.put(SMS_GATEWAY_URL, smsGatewayUrl);
        }
        // Every trace sampled on a developer's machine (docs/adr/0033), unless the launcher's environment says
        // otherwise (the bench samples as production does); spans leave the service only when an OTLP endpoint
        // is set (MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT, inherited).
        env.put(SAMPLING_PROBABILITY, environment.get(SAMPLING_PROBABILITY).orElse("1.0"));
        env.put("SPRING_MAIL_HOST", smtpHost);
        env.put("SPRING_MAIL_PORT", Integer.toString(smtpPort));
        return env;
    }

    /**
     * Where the services check tokens: the local issuer, on its offset port; without it, whatever
     * QORGAU_OIDC_* name (another OIDC provider), passed through as they are.
     */
    static Map<String, String> oidcEnvironment(LocalStackSettings settings, InfraEnvironment environment) {
        Map<String, String> env = new LinkedHashMap<>();
        if (settings.withIdentity()) {
            env.put(LocalStackSettings.OIDC_ISSUER_URI, settings.localIssuer());
            env.put(LocalStackSettings.OIDC_JWK_SET_URI, settings.localIssuer() + "/oauth2/jwks");
            env.put(LocalStackSettings.OIDC_AUDIENCE, LocalStackSettings.LOCAL_AUDIENCE);
        } else {
            for (String name : OIDC_SETTINGS) {
                environment.get(name).ifPresent(value -> env.put(name, value));
            }
        }
        return env;
    }

    private void warnOfIgnoredOidcSettings() {
        List<String> ignored = OIDC_SETTINGS.stream()
                .filter(name -> environment.get(name).isPresent())
                .toList();
        if (!ignored.isEmpty()) {
            log.warn(
                    "{} ignored: the services trust the local issuer. Set {}=off to use another OIDC provider.",
                    String.join(", ", ignored),
                    LocalStackSettings.WITH_IDENTITY);
        }
    }

    /** Every address a user needs, one per line. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (var service : services.entrySet()) {
            ServiceSpec spec = service.getKey();
            if (spec.name().equals(IDENTITY_SERVER)) {
                lines.add(String.format(
                        "%-21s issuer %s  discovery %s/.well-known/openid-configuration",
                        spec.name(), settings.localIssuer(), settings.localIssuer()));
            } else {
                lines.add(
                        String.format("%-21s API %s  Swagger UI %s", spec.name(), spec.apiUrl(), spec.swaggerUiUrl()));
            }
            lines.add(String.format("%-21s health %s  Prometheus %s", "", spec.healthUrl(), spec.prometheusUrl()));
            lines.add(String.format("%-21s log %s", "", service.getValue().logFile()));
        }
        lines.add(String.format("%-21s %s (%s)", "Kafka", kafka.bootstrapServers(), kafka.source()));
        lines.add(String.format(
                "%-21s %s:%d databases %s (%s)",
                "PostgreSQL",
                postgres.host(),
                postgres.port(),
                String.join(
                        ", ",
                        settings.services().stream()
                                .filter(ServiceSpec::hasDatabase)
                                .map(ServiceSpec::database)
                                .toList()),
                postgres.source()));
        if (inbox != null) {
            lines.add(String.format(
                    "%-21s SMTP 127.0.0.1:%d  IMAP 127.0.0.1:%d (user = recipient address, any password)",
                    "Inbox", inbox.smtpPort(), inbox.imapPort()));
        } else {
            lines.add(String.format("%-21s SMTP %s:%d", "Mail server", smtpHost, smtpPort));
        }
        if (smsGateway != null) {
            lines.add(String.format(
                    "%-21s %s  what it received: curl -s %s",
                    "SMS gateway", smsGateway.url(), smsGateway.receivedUrl()));
        } else {
            lines.add(String.format("%-21s %s", "SMS gateway", smsGatewayUrl));
        }
        if (prometheus != null) {
            lines.add(String.format(
                    "%-21s %s (Graph, Alerts, Status > Targets)  rules and scrape configuration from ops/prometheus",
                    "Prometheus", prometheus.url()));
        } else {
            lines.add(String.format("%-21s %s", "Prometheus", noPrometheus));
        }
        lines.add(String.format("%-21s %s", "Data", settings.dataDir()));
        if (settings.withIdentity()) {
            lines.add("Tokens of the demo personas (local only; every API call needs one):");
            DemoPersona.ALL.forEach(persona -> lines.add("  " + persona.curl(settings.localIssuer())));
            lines.add("Example: a person check as officer-a");
            lines.add("  TOKEN=$(" + DemoPersona.ALL.get(0).tokenCommand(settings.localIssuer())
                    + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
            lines.add("  curl -s -X POST " + orderApi() + "/person-checks -H \"Authorization: Bearer $TOKEN\""
                    + " -H 'Content-Type: application/json' -d '{\"iin\":\"" + EXAMPLE_IIN
                    + "\",\"checkedAs\":\"OFFENDER\",\"purpose\":\"Call-out 102-2026-004517\"}'");
        } else {
            lines.add(environment
                    .get(LocalStackSettings.OIDC_ISSUER_URI)
                    .map(issuer -> String.format("%-21s %s (%s)", "Tokens", issuer, LocalStackSettings.OIDC_ISSUER_URI))
                    .orElse(String.format(
                            "%-21s no local issuer (%s=off): the services expect one at http://127.0.0.1:%d unless %s names another",
                            "Tokens",
                            LocalStackSettings.WITH_IDENTITY,
                            LocalStackSettings.IDENTITY_PORT,
                            LocalStackSettings.OIDC_ISSUER_URI)));
        }
        return lines;
    }

    private String orderApi() {
        return services.keySet().stream()
                .filter(spec -> spec.name().equals("order-service"))
                .findFirst()
                .map(ServiceSpec::apiUrl)
                .orElseThrow();
    }

    /** Stops everything it started, newest first. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("Could not stop cleanly: {}", e.toString());
            }
        }
    }

    private static void requireFree(int port, String what) {
        if (!PortAllocator.isFree(port)) {
            throw new IllegalStateException("Port " + port + " for " + what
                    + " is taken: stop what uses it (another ./qorgau-local?) or set QORGAU_LOCAL_PORT_OFFSET.");
        }
    }
}
