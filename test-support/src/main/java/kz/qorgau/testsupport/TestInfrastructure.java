package kz.qorgau.testsupport;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.infrastructure.kafka.KafkaEndpoint;
import kz.qorgau.infrastructure.postgres.TestDatabase;
import kz.qorgau.infrastructure.smtp.SmtpInbox;
import org.jspecify.annotations.Nullable;

/**
 * One test class's share of the infrastructure: the JVM's broker, a database of its own, a topic
 * namespace of its own and, on request, an SMTP inbox of its own. {@link QorgauInfrastructure}
 * makes one per Spring test class and registers it as a bean; plain tests call {@link #create}.
 */
public final class TestInfrastructure implements AutoCloseable {

    /** The property through which the services read their topic namespace. */
    public static final String NAMESPACE_PROPERTY = "qorgau.kafka.namespace";

    private final KafkaEndpoint kafka;
    private final TestDatabase database;
    private final String namespace;
    private final @Nullable SmtpInbox inbox;

    private TestInfrastructure(
            KafkaEndpoint kafka, TestDatabase database, String namespace, @Nullable SmtpInbox inbox) {
        this.kafka = kafka;
        this.database = database;
        this.namespace = namespace;
        this.inbox = inbox;
    }

    /** Creates a fresh database, namespace and (if asked) inbox; {@link #close()} removes them. */
    public static TestInfrastructure create(String owner, boolean smtp) {
        KafkaEndpoint kafka = SharedInfrastructure.kafka();
        TestDatabase database = SharedInfrastructure.databases().createFreshDatabase(owner.toLowerCase(Locale.ROOT));
        String namespace = "t" + UUID.randomUUID().toString().substring(0, 8);
        SmtpInbox inbox = smtp ? SmtpInbox.startOnFreePorts() : null;
        return new TestInfrastructure(kafka, database, namespace, inbox);
    }

    public KafkaEndpoint kafka() {
        return kafka;
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

    /** The real name of a topic inside this class's namespace. */
    public String topic(String baseName) {
        return namespace + "." + baseName;
    }

    /** The Spring properties that point a service at this infrastructure. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        properties.put(NAMESPACE_PROPERTY, namespace);
        if (inbox != null) {
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", inbox.smtpPort());
        }
        return properties;
    }

    @Override
    public void close() {
        if (inbox != null) {
            inbox.stop();
        }
        SharedInfrastructure.databases().drop(database.name());
    }
}
