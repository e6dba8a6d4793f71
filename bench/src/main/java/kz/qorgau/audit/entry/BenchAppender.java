package kz.qorgau.audit.entry;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import kz.qorgau.audit.subjectkey.BenchSubjectKeys;
import kz.qorgau.audit.writer.WriterLeadership;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.kit.leader.LeaderSessions;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * audit-service's writer without Kafka, for the bench's {@code audit-append} part (docs/performance.md): the
 * service's own {@link AuditAppender} on its own {@link WriterLeadership} (the writer lock's session, one
 * transaction per poll: the poll's duplicate check, the head, and for each entry its subject key, sealing, leaf,
 * chain, INSERT and tree nodes; one COMMIT), handed the records as the listener hands them once decoded. Kafka's poll, the decoding and the offset commit are
 * not in it. Here, in the service's package, because the appender's entry point and the decoded record are the
 * package's own.
 */
public final class BenchAppender implements AutoCloseable {

    private final WriterLeadership leadership;
    private final AuditAppender appender;

    public BenchAppender(String jdbcUrl, String user, String password) {
        JdbcConnectionDetails database = new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return user;
            }

            @Override
            public String getPassword() {
                return password;
            }

            @Override
            public String getJdbcUrl() {
                return jdbcUrl;
            }
        };
        // No listener container to start: the bench calls the appender itself.
        leadership = new WriterLeadership(
                new LeaderSessions(database, "qorgau-bench audit writer", Duration.ofSeconds(10)),
                new KafkaListenerEndpointRegistry(),
                Duration.ofSeconds(1));
        JdbcClient readers =
                JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl, user, password));
        appender = new AuditAppender(leadership, new SimpleMeterRegistry(), BenchSubjectKeys.withDemoKey(readers));
    }

    /** Takes the writer lock, as the service does at start. */
    public void start(Duration wait) throws InterruptedException {
        leadership.start();
        long deadline = System.nanoTime() + wait.toNanos();
        while (!leadership.isWriter()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The bench's audit writer did not get the writer lock in " + wait);
            }
            Thread.sleep(20);
        }
    }

    /**
     * Appends {@code events} as one poll's records the listener would have decoded from Kafka (their sequence numbers
     * and times of recording are the writer's to give), in one transaction as the service does (docs/adr/0041);
     * returns the last one's sequence number.
     */
    public long appendPoll(List<AuditEntry> events) {
        List<AuditAppender.Appended> appended =
                appender.appendAll(events.stream().map(BenchAppender::received).toList());
        if (appended.stream().anyMatch(AuditAppender.Appended::duplicate)) {
            throw new IllegalStateException("an event of the poll was already in the trail");
        }
        return appended.get(appended.size() - 1).sequence();
    }

    private static ReceivedRecord received(AuditEntry event) {
        return new ReceivedEvent(
                event.eventId(),
                event.type(),
                event.source(),
                event.subject(),
                event.subjectSequence(),
                event.time(),
                event.dataContentType(),
                event.dataSchema(),
                event.topic(),
                event.partition(),
                event.offset(),
                event.payload(),
                event.key(),
                event.headers());
    }

    @Override
    public void close() {
        leadership.stop();
    }
}
