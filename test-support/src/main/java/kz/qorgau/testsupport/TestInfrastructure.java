package kz.qorgau.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.qorgau.events.catalog.TopicSpec;
import kz.qorgau.infrastructure.PortAllocator;
import kz.qorgau.infrastructure.kafka.KafkaBrokerProcess;
import kz.qorgau.infrastructure.kafka.KafkaEndpoint;
import kz.qorgau.infrastructure.postgres.TestDatabase;
import kz.qorgau.infrastructure.smtp.SmtpInbox;
import kz.qorgau.testsupport.identity.TestIdentity;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.jspecify.annotations.Nullable;

/**
 * One test class's share of the infrastructure: the JVM's broker and token issuer, a database of its
 * own, a topic namespace of its own and, on request, an SMTP inbox of its own. {@link QorgauInfrastructure}
 * makes one per Spring test class and registers it as a bean; plain tests call {@link #create}.
 */
public final class TestInfrastructure implements AutoCloseable {

    /** The property through which the services read their topic namespace. */
    public static final String NAMESPACE_PROPERTY = "qorgau.kafka.namespace";

    /**
     * The services' switch for the public demo keys ({@code QORGAU_LOCAL_DEMO_KEYS}), off by default:
     * tests turn it on, so a service has its keys without configuring any (docs/adr/0014).
     */
    public static final String LOCAL_DEMO_KEYS_PROPERTY = "qorgau.local-demo-keys";

    private final KafkaEndpoint kafka;
    private final @Nullable KafkaBrokerProcess broker;
    private final TestDatabase database;
    private final String namespace;
    private final @Nullable SmtpInbox inbox;

    private TestInfrastructure(
            KafkaEndpoint kafka,
            @Nullable KafkaBrokerProcess broker,
            TestDatabase database,
            String namespace,
            @Nullable SmtpInbox inbox) {
        this.kafka = kafka;
        this.broker = broker;
        this.database = database;
        this.namespace = namespace;
        this.inbox = inbox;
    }

    /** Creates a fresh database, namespace and (if asked) inbox on the JVM's shared broker. */
    public static TestInfrastructure create(String owner, boolean smtp) {
        return create(owner, smtp, false);
    }

    /**
     * Creates a fresh database, namespace and (if asked) inbox; {@link #close()} removes them.
     *
     * @param dedicatedBroker start a broker of this class's own, as a child process with a fixed port
     *     and kept logs, which the test may stop, kill and start again; otherwise the JVM's shared one
     */
    public static TestInfrastructure create(String owner, boolean smtp, boolean dedicatedBroker) {
        String name = owner.toLowerCase(Locale.ROOT);
        KafkaBrokerProcess broker = dedicatedBroker ? startDedicatedBroker(name) : null;
        KafkaEndpoint kafka = broker != null ? broker.endpoint() : SharedInfrastructure.kafka();
        TestDatabase database = SharedInfrastructure.databases().createFreshDatabase(name);
        String namespace = "t" + UUID.randomUUID().toString().substring(0, 8);
        SmtpInbox inbox = smtp ? SmtpInbox.startOnFreePorts() : null;
        return new TestInfrastructure(kafka, broker, database, namespace, inbox);
    }

    private static KafkaBrokerProcess startDedicatedBroker(String owner) {
        try {
            Path dataDir = Files.createTempDirectory("qorgau-broker-" + owner);
            int port = PortAllocator.freePort();
            return KafkaBrokerProcess.builder(dataDir)
                    .port(port)
                    .controllerPort(PortAllocator.freePort())
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public KafkaEndpoint kafka() {
        return kafka;
    }

    /** This class's own broker, to stop, kill and start again; fails when the class shares the JVM's. */
    public KafkaBrokerProcess broker() {
        if (broker == null) {
            throw new IllegalStateException(
                    "No broker of this class's own: ask for one with @QorgauInfrastructure(dedicatedBroker = true)");
        }
        return broker;
    }

    public TestDatabase database() {
        return database;
    }

    /** The class's topic namespace, without the trailing dot. */
    public String namespace() {
        return namespace;
    }

    /** The class's SMTP inbox; fails when the class did not ask for one. */
    public SmtpInbox inbox() {
        if (inbox == null) {
            throw new IllegalStateException("No SMTP inbox: ask for one with @QorgauInfrastructure(smtp = true)");
        }
        return inbox;
    }

    /**
     * The JVM's token issuer, shared by every test class: {@code identity().token(Persona.OFFICER_A)}.
     * Its process starts on the first token asked for.
     */
    public TestIdentity identity() {
        return TestIdentity.shared();
    }

    private static void deleteRecursively(Path dir) {
        try {
            org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the broker itself is stopped.
        }
    }

    /** The real name of a topic inside this class's namespace. */
    public String topic(String baseName) {
        return namespace + "." + baseName;
    }

    /**
     * Creates catalogued topics and their dead-letter topics in this class's namespace, as their
     * producing service would: for tests of a consumer whose producer does not run.
     */
    public void createTopics(TopicSpec... topics) {
        List<NewTopic> newTopics = new ArrayList<>();
        for (TopicSpec topic : topics) {
            newTopics.add(topic.newTopic(namespace));
            newTopics.add(topic.newDeadLetterTopic(namespace));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(newTopics).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topics in namespace " + namespace, e);
        }
    }

    /** The Spring properties that point a service at this infrastructure. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        properties.put(NAMESPACE_PROPERTY, namespace);
        properties.put(LOCAL_DEMO_KEYS_PROPERTY, true);
        // Every trace sampled, so that tests see the spans (docs/adr/0033; production's default is Boot's 0.1).
        properties.put("management.tracing.sampling.probability", "1.0");
        if (inbox != null) {
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", inbox.smtpPort());
        }
        // Only the issuer's addresses: its process starts when a test first asks for a token.
        properties.putAll(identity().springProperties());
        return properties;
    }

    @Override
    public void close() {
        if (inbox != null) {
            inbox.stop();
        }
        if (broker != null) {
            broker.stop();
            deleteRecursively(broker.dataDir());
        }
        SharedInfrastructure.databases().drop(database.name());
    }
}
