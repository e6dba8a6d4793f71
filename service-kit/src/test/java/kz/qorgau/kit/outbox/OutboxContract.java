package kz.qorgau.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CONTRACT TEST of the kit's outbox (docs/adr/0018-kit-outbox-and-leader.md), run by every service that
 * publishes through it: a service's test class that already has a full context extends it (so it costs no
 * context of its own) and says which event the service publishes and where it lands.
 */
public abstract class OutboxContract {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Autowired
    protected Outbox outbox;

    @Autowired
    protected TransactionTemplate transactions;

    @Autowired
    protected JdbcClient jdbc;

    /** An event of a type the service publishes, of {@code subject} (a UUID) with {@code sequence}. */
    protected abstract EventEnvelope<?> outboxEvent(String subject, int sequence);

    /** A read-committed reader of the topic the events of {@link #outboxEvent} go to. */
    protected abstract EventTopicReader openOutboxTopicReader();

    @Test
    void committedEventsArePublishedInEachSubjectsOrderWithTheW3cTraceHeaders() {
        List<String> subjects =
                List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        try (EventTopicReader reader = openOutboxTopicReader()) {
            for (int sequence = 1; sequence <= 3; sequence++) {
                for (String subject : subjects) {
                    append(outboxEvent(subject, sequence));
                }
            }
            await().atMost(WITHIN).untilAsserted(() -> {
                List<ConsumerRecord<String, byte[]>> records = reader.drain(Duration.ofMillis(200));
                for (String subject : subjects) {
                    assertThat(distinctSequences(records, subject))
                            .as("subject %s", subject)
                            .containsExactly(1L, 2L, 3L);
                }
            });
            for (ConsumerRecord<String, byte[]> record : reader.drain(Duration.ofMillis(100))) {
                if (subjects.contains(record.key())) {
                    // ce_traceparent is the stored context; traceparent the relay's publish span in the same
                    // trace (the stored context itself when the service has no tracer), docs/adr/0033.
                    String traceparent = header(record, "traceparent");
                    String stored = header(record, "ce_traceparent");
                    assertThat(EventEnvelope.isValidTraceparent(traceparent)).isTrue();
                    assertThat(EventEnvelope.isValidTraceparent(stored)).isTrue();
                    assertThat(traceparent.substring(0, 36)).isEqualTo(stored.substring(0, 36));
                }
            }
        }
        await().atMost(WITHIN)
                .until(() -> jdbc.sql(
                                        """
                                SELECT count(*) FROM kit_outbox
                                 WHERE subject IN (:subjects) AND published_at IS NOT NULL AND kafka_offset IS NOT NULL
                                """)
                                .param("subjects", subjects)
                                .query(Long.class)
                                .single()
                        == 6);
    }

    @Test
    void anEventWhoseTransactionRollsBackIsNeverPublished() {
        String subject = UUID.randomUUID().toString();
        EventEnvelope<?> rolledBack = outboxEvent(subject, 1);
        transactions.executeWithoutResult(status -> {
            outbox.append(rolledBack);
            status.setRollbackOnly();
        });
        EventEnvelope<?> committed = outboxEvent(subject, 1);
        try (EventTopicReader reader = openOutboxTopicReader()) {
            append(committed);
            await().atMost(WITHIN).until(() -> distinctSequences(reader.drain(Duration.ofMillis(200)), subject)
                    .equals(List.of(1L)));
            assertThat(reader.drain(Duration.ofMillis(300)))
                    .filteredOn(record -> subject.equals(record.key()))
                    .extracting(record -> EventTopicReader.decode(record).id())
                    .containsOnly(committed.id());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM kit_outbox WHERE event_id = :id")
                        .param("id", rolledBack.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anEventIsOnlyAppendedInsideTheTransactionOfTheChangeItReports() {
        assertThatExceptionOfType(IllegalTransactionStateException.class)
                .isThrownBy(() -> outbox.append(outboxEvent(UUID.randomUUID().toString(), 1)));
    }

    @Test
    void theKitsOutboxTableIsMigratedInItsOwnHistory() {
        assertThat(jdbc.sql("SELECT version FROM kit_outbox_history WHERE success AND version <> '0'"
                                + " ORDER BY installed_rank")
                        .query(String.class)
                        .list())
                .startsWith("1");
    }

    private void append(EventEnvelope<?> event) {
        transactions.executeWithoutResult(status -> outbox.append(event));
    }

    private static List<Long> distinctSequences(List<ConsumerRecord<String, byte[]>> records, String subject) {
        List<Long> sequences = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (subject.equals(record.key())) {
                long sequence = EventTopicReader.decode(record).sequence();
                // A repeat is tolerated (at least once); a step back is not, and shows as a wrong list.
                if (sequences.isEmpty() || sequences.get(sequences.size() - 1) != sequence) {
                    sequences.add(sequence);
                }
            }
        }
        return sequences;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
