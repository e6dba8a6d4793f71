package kz.qorgau.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The relay's decisions, with fakes for the table, the producer and the lock (no Spring, no database, no
 * broker): which events go in a round, what a failure holds back, how long, and when nothing is marked.
 */
class OutboxRelayDecisionsTest {

    private final FakeStore store = new FakeStore();
    private final FakePublisher publisher = new FakePublisher();
    private final FakeLeadership leadership = new FakeLeadership();
    private final OutboxProperties.Relay settings = new OutboxProperties.Relay(
            true,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            200,
            Duration.ofMillis(500),
            Duration.ofSeconds(30),
            Duration.ofSeconds(2),
            Map.of(),
            Duration.ofSeconds(15),
            "relay");
    private final OutboxRelay relay = new OutboxRelay(
            leadership,
            store,
            publisher,
            new OutboxMetrics(new SimpleMeterRegistry()),
            settings,
            new OutboxHousekeeping(store, Duration.ofDays(7), Duration.ofHours(1)));

    @Test
    void aRoundSendsTheWaitingEventsOfEverySubjectInTheirOrderInOneTransaction() throws Exception {
        store.add("a", 1).add("a", 2).add("b", 1).add("a", 3);

        assertThat(relay.publishRound()).isEqualTo(4);
        assertThat(publisher.sent).containsExactly("a#1", "a#2", "b#1", "a#3");
        assertThat(publisher.flushes)
                .as("sent at once after the round's last send, not after the producer's linger")
                .containsExactly(4);
        assertThat(publisher.transactions).containsExactly("committed");
        assertThat(store.published()).containsExactlyInAnyOrder("a#1", "a#2", "b#1", "a#3");
        assertThat(relay.publishRound()).isZero();
    }

    @Test
    void aSubjectsRunIsCutAtItsFirstGap() {
        List<JdbcOutboxStore.RankedRow> ranked =
                List.of(ranked("a", 1, 1), ranked("b", 1, 1), ranked("a", 3, 3), ranked("a", 2, 2), ranked("b", 2, 2));

        assertThat(JdbcOutboxStore.withoutGaps(ranked).stream().map(row -> row.subject() + "#" + row.sequence()))
                .as("a#3 came before a#2 in insertion order: neither goes in this round")
                .containsExactly("a#1", "b#1", "b#2");
    }

    private static JdbcOutboxStore.RankedRow ranked(String subject, int sequence, long rank) {
        return new JdbcOutboxStore.RankedRow(row(sequence, subject, sequence), rank);
    }

    /** An unpublished row of a test event, never attempted. */
    static OutboxRow row(long position, String subject, int sequence) {
        return new OutboxRow(
                position,
                UUID.randomUUID(),
                "test.Event",
                URI.create("/test"),
                OffsetDateTime.now(),
                subject,
                sequence,
                null,
                null,
                new byte[0],
                0);
    }

    @Test
    void aRoundTakesAtMostTheBatchSizeOfEvents() throws Exception {
        OutboxRelay small = new OutboxRelay(
                leadership,
                store,
                publisher,
                new OutboxMetrics(new SimpleMeterRegistry()),
                new OutboxProperties.Relay(
                        true,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        2,
                        Duration.ofMillis(500),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(2),
                        Map.of(),
                        Duration.ofSeconds(15),
                        "relay"),
                new OutboxHousekeeping(store, Duration.ofDays(7), Duration.ofHours(1)));
        store.add("a", 1).add("b", 1).add("a", 2).add("c", 1);

        assertThat(small.publishRound()).isEqualTo(2);
        assertThat(publisher.sent).containsExactly("a#1", "b#1");
        assertThat(small.publishRound()).isEqualTo(2);
        assertThat(publisher.sent).containsExactly("a#1", "b#1", "a#2", "c#1");
    }

    @Test
    void aFailedEventHoldsBackOnlyItsOwnSubjectForItsBackoff() throws Exception {
        store.add("a", 1).add("a", 2).add("b", 1).add("b", 2);
        publisher.failing.put("a", new SerializationException("refused"));

        assertThat(relay.publishRound()).isEqualTo(2);
        assertThat(store.published()).containsExactly("b#1", "b#2");
        assertThat(store.failures).containsExactly("a#1 SerializationException: refused after PT0.5S");
        assertThat(publisher.sent)
                .as("a#2 is not even sent once a#1 was refused")
                .containsExactly("a#1", "b#1", "b#2");

        // a waits out its backoff; its second event never overtakes its first.
        assertThat(relay.publishRound()).isZero();

        publisher.failing.clear();
        store.advance(Duration.ofMillis(500));
        assertThat(relay.publishRound()).isEqualTo(2);
        assertThat(publisher.sent).containsExactly("a#1", "b#1", "b#2", "a#1", "a#2");
    }

    @Test
    void anEventAcknowledgedAfterItsSubjectsEarlierEventFailedAbortsTheRound() throws Exception {
        store.add("a", 1).add("a", 2).add("b", 1);
        publisher.failingLater.put("a#1", new RecordTooLargeException("too large"));

        assertThat(relay.publishRound()).isZero();
        assertThat(publisher.sent).containsExactly("a#1", "a#2", "b#1");
        assertThat(publisher.transactions)
                .as("committing would have published a#2 without a#1")
                .containsExactly("aborted");
        assertThat(store.published()).isEmpty();
        assertThat(store.failures).containsExactly("a#1 RecordTooLargeException: too large after PT0.5S");

        // b goes in the next round; a after its backoff, in order.
        assertThat(relay.publishRound()).isEqualTo(1);
        assertThat(store.published()).containsExactly("b#1");
        publisher.failingLater.clear();
        store.advance(Duration.ofMillis(500));
        assertThat(relay.publishRound()).isEqualTo(2);
        assertThat(publisher.sent).endsWith("a#1", "a#2");
    }

    @Test
    void theBackoffDoublesWithEachFailedAttemptUpToTheMaximum() throws Exception {
        store.add("a", 1);
        publisher.failing.put("a", new SerializationException("refused"));
        for (int attempt = 0; attempt < 8; attempt++) {
            relay.publishRound();
            store.advance(Duration.ofMinutes(1));
        }
        assertThat(store.backoffs)
                .containsExactly(
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30));
    }

    @Test
    void whenNothingWasAcknowledgedTheTransactionIsAbortedAndNothingMarked() throws Exception {
        store.add("a", 1);
        publisher.failing.put("a", new SerializationException("refused"));

        assertThat(relay.publishRound()).isZero();
        assertThat(publisher.transactions).containsExactly("aborted");
        assertThat(store.published()).isEmpty();
    }

    @Test
    void whenTheBrokerIsUnreachableTheRestOfTheRoundIsNotEvenSent() throws Exception {
        store.add("a", 1).add("b", 1).add("c", 1);
        publisher.failing.put("a", new TimeoutException("metadata not available"));

        assertThat(relay.publishRound()).isZero();
        assertThat(publisher.sent).containsExactly("a#1");
        assertThat(store.failures).hasSize(1);
        // b and c were never attempted: no backoff, they go in the next round.
        publisher.failing.clear();
        assertThat(relay.publishRound()).isEqualTo(2);
    }

    @Test
    void aFencedRelayStopsAndMarksNothing() {
        store.add("a", 1).add("b", 1);
        publisher.failing.put("b", new ProducerFencedException("a newer relay"));

        assertThatExceptionOfType(KafkaException.class).isThrownBy(relay::publishRound);
        assertThat(store.published()).isEmpty();
        assertThat(store.failures)
                .as("a fenced send is not the event's failure")
                .isEmpty();
        assertThat(publisher.transactions).isEmpty();
    }

    @Test
    void aCommitThatFailsLeavesTheRoundsEventsToBeSentAgain() throws Exception {
        store.add("a", 1);
        publisher.commitFailure = new KafkaException("coordinator went away");

        assertThat(relay.publishRound()).isZero();
        assertThat(publisher.transactions).containsExactly("aborted");
        assertThat(store.published()).isEmpty();

        publisher.commitFailure = null;
        assertThat(relay.publishRound()).isEqualTo(1);
        assertThat(publisher.sent).containsExactly("a#1", "a#1");
    }

    @Test
    void aRelayThatLostItsLockWhileSendingCommitsAndMarksNothing() {
        store.add("a", 1);
        publisher.onSend = () -> leadership.lost = true;

        assertThatExceptionOfType(SQLException.class).isThrownBy(relay::publishRound);
        assertThat(publisher.transactions).isEmpty();
        assertThat(store.published()).isEmpty();
    }

    @Test
    void housekeepingPurgesOncePerIntervalNotAtEveryRound() {
        new OutboxHousekeeping(store, Duration.ofDays(7), Duration.ofHours(1)).purgeIfDue();
        assertThat(store.purges).isZero();

        OutboxHousekeeping everyTime = new OutboxHousekeeping(store, Duration.ofDays(7), Duration.ZERO);
        everyTime.purgeIfDue();
        everyTime.purgeIfDue();
        assertThat(store.purges).isEqualTo(2);
    }

    /** The outbox table as the relay sees it; heads chosen as the real store's query does. */
    static final class FakeStore implements OutboxStore {

        private final List<Entry> rows = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        final List<Duration> backoffs = new ArrayList<>();
        int purges;
        private long nowMillis;

        FakeStore add(String subject, int sequence) {
            rows.add(new Entry(row(rows.size() + 1, subject, sequence)));
            return this;
        }

        void advance(Duration duration) {
            nowMillis += duration.toMillis();
        }

        List<String> published() {
            return rows.stream()
                    .filter(entry -> entry.published)
                    .map(Entry::name)
                    .toList();
        }

        @Override
        public List<OutboxRow> publishable(int limit) {
            Map<String, Entry> heads = new LinkedHashMap<>();
            rows.stream()
                    .filter(entry -> !entry.published)
                    .sorted(Comparator.comparing((Entry entry) -> entry.row.subject())
                            .thenComparing(entry -> entry.row.sequence()))
                    .forEach(entry -> heads.putIfAbsent(entry.row.subject(), entry));
            return rows.stream()
                    .filter(entry -> !entry.published)
                    .filter(entry -> heads.get(entry.row.subject()).nextAttemptMillis <= nowMillis)
                    .sorted(Comparator.comparing(entry -> entry.row.position()))
                    .limit(limit)
                    .map(Entry::current)
                    .toList();
        }

        @Override
        public void markPublished(List<Published> published) {
            Set<UUID> ids = new HashSet<>();
            published.forEach(row -> ids.add(row.eventId()));
            rows.stream().filter(entry -> ids.contains(entry.row.eventId())).forEach(entry -> {
                entry.published = true;
                entry.attempts++;
            });
        }

        @Override
        public void markFailed(UUID eventId, String error, Duration backoff) {
            Entry entry = rows.stream()
                    .filter(candidate -> candidate.row.eventId().equals(eventId))
                    .findFirst()
                    .orElseThrow();
            entry.attempts++;
            entry.nextAttemptMillis = nowMillis + backoff.toMillis();
            failures.add(entry.name() + " " + error + " after " + backoff);
            backoffs.add(backoff);
        }

        @Override
        public Backlog backlog() {
            return new Backlog(rows.stream().filter(entry -> !entry.published).count(), 0);
        }

        @Override
        public int deletePublishedBefore(Duration retention) {
            purges++;
            return 0;
        }

        private static final class Entry {
            final OutboxRow row;
            boolean published;
            int attempts;
            long nextAttemptMillis;

            Entry(OutboxRow row) {
                this.row = row;
            }

            String name() {
                return row.subject() + "#" + row.sequence();
            }

            OutboxRow current() {
                return new OutboxRow(
                        row.position(),
                        row.eventId(),
                        row.type(),
                        row.source(),
                        row.time(),
                        row.subject(),
                        row.sequence(),
                        row.traceparent(),
                        row.tracestate(),
                        row.data(),
                        attempts);
            }
        }
    }

    /** A producer that acknowledges at once, or fails the sends of the subjects it is told to. */
    static final class FakePublisher implements OutboxPublisher {

        final List<String> sent = new ArrayList<>();
        final List<String> transactions = new ArrayList<>();
        /** How many rows had been sent at each flush. */
        final List<Integer> flushes = new ArrayList<>();

        final Map<String, RuntimeException> failing = new HashMap<>();
        /** Events (subject#sequence) whose sends fail at the broker: after send() returned, as Kafka's do. */
        final Map<String, RuntimeException> failingLater = new HashMap<>();

        RuntimeException commitFailure;
        Runnable onSend = () -> {};
        private long offset;

        @Override
        public void open() {}

        @Override
        public void begin() {}

        @Override
        public CompletableFuture<RecordMetadata> send(OutboxRow row) {
            sent.add(row.subject() + "#" + row.sequence());
            onSend.run();
            RuntimeException failure = failing.get(row.subject());
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            RuntimeException later = failingLater.get(row.subject() + "#" + row.sequence());
            if (later != null) {
                return new CompletableFuture<>() {
                    @Override
                    public RecordMetadata get(long timeout, TimeUnit unit)
                            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
                        completeExceptionally(later);
                        return super.get(timeout, unit);
                    }
                };
            }
            return CompletableFuture.completedFuture(
                    new RecordMetadata(new TopicPartition("test", 0), offset++, 0, 0L, 0, 0));
        }

        @Override
        public void flush() {
            flushes.add(sent.size());
        }

        @Override
        public void commit() {
            if (commitFailure != null) {
                throw commitFailure;
            }
            transactions.add("committed");
        }

        @Override
        public void abort() {
            transactions.add("aborted");
        }

        @Override
        public void close() {}
    }

    /** The lock, held until the test says it was lost. */
    static final class FakeLeadership implements RelayLeadership {

        boolean lost;

        @Override
        public boolean isLeader() {
            return !lost;
        }

        @Override
        public boolean tryAcquire() {
            return !lost;
        }

        @Override
        public void verify() throws SQLException {
            if (lost) {
                throw new SQLException("lost the lock");
            }
        }

        @Override
        public void awaitCommit(Duration timeout) {}

        @Override
        public void close() {}
    }
}
