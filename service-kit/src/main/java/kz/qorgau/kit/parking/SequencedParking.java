package kz.qorgau.kit.parking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import kz.qorgau.kit.kafka.ConsumerFailures;
import kz.qorgau.kit.kafka.DeadLetterListener;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import kz.qorgau.kit.metrics.MetricNames;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sequenced parking (docs/adr/0019; Axon's sequenced dead-letter queue is the model): once a record of
 * key K was dead-lettered, K's later records are parked in the service's database instead of being
 * processed, until an operator replays or discards the head. Other keys flow; a record without a
 * sequence key parks nothing.
 *
 * <ul>
 *   <li>{@link #consume}: the listener's entry: a record of a parked key runs only the handler's urgent
 *       part, then parks; any other record is handled;
 *   <li>{@link #deadLettered}: the error handler wrote a record to {@code <topic>-dlt}; it becomes its
 *       key's head (or joins a key already parked);
 *   <li>{@link #replay}: the head is read from the table and handled, then the parked records in order,
 *       until none is left (the key is released) or one fails again (it is the head now);
 *   <li>{@link #discard}: the head is dropped, with the operator's reason; the next record is the head.
 * </ul>
 *
 * <p>Each operator action is published through {@link ParkingActions} in the transaction of its change.
 */
public final class SequencedParking implements DeadLetterListener {

    private static final Log log = LogFactory.getLog(SequencedParking.class);

    /** A discard's reason: a code, so that an operator's free text cannot carry personal data. */
    static final Pattern REASON_CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,63}$");

    private final ParkingLot lot;
    private final ParkedRecordHandler handler;
    private final SequenceKeys sequenceKeys;
    private final ParkingActions actions;
    private final DiscardConsequences consequences;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final QorgauKafkaProperties kafka;
    private final Set<String> acting = ConcurrentHashMap.newKeySet();

    public SequencedParking(
            ParkingLot lot,
            ParkedRecordHandler handler,
            SequenceKeys sequenceKeys,
            ParkingActions actions,
            DiscardConsequences consequences,
            TransactionOperations transactions,
            Clock clock,
            MeterRegistry meters,
            QorgauKafkaProperties kafka) {
        this.lot = lot;
        this.handler = handler;
        this.sequenceKeys = sequenceKeys;
        this.actions = actions;
        this.consequences = consequences;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        this.kafka = kafka;
    }

    /**
     * Handles a record, or parks it behind its key's head. Exceptions of the handler propagate to the
     * error handler, which retries an outage and dead-letters anything else ({@link #deadLettered}).
     */
    public void consume(ConsumerRecord<String, byte[]> record) {
        Optional<String> key = sequenceKeys.of(record);
        if (key.isPresent() && lot.isParked(key.get())) {
            handler.handleUrgent(record);
            if (Boolean.TRUE.equals(transactions.execute(status -> lot.parkIfParked(key.get(), record)))) {
                log.warn("Parked " + coordinates(record) + " behind its key's dead-lettered head");
                return;
            }
            // Released meanwhile by a replay that has handled every earlier record: handle it.
        }
        handler.handle(record);
    }

    @Override
    @SuppressWarnings("unchecked") // a parked topic's records are read as String keys and byte[] values
    public void deadLettered(ConsumerRecord<?, ?> record, String reason) {
        Optional<String> key = sequenceKeys.of(record);
        if (key.isEmpty() || !(record.value() == null || record.value() instanceof byte[])) {
            return;
        }
        var parked = (ConsumerRecord<String, byte[]>) record;
        if (Boolean.TRUE.equals(transactions.execute(status -> lot.parkFailed(key.get(), parked, reason)))) {
            Counter.builder(MetricNames.PARKING_KEYS_PARKED)
                    .description("Keys newly parked: a record of the key was dead-lettered")
                    .tag(MetricNames.TOPIC, kafka.catalogueName(record.topic()))
                    .register(meters)
                    .increment();
            log.error("Parked the key of " + coordinates(record) + ": its later records wait for an operator");
        }
    }

    /** Replays the key's head, then its other parked records in order. */
    public Result replay(String key, String operator) {
        return exclusively(key, () -> {
            Optional<ParkedRecord> first = lot.head(key);
            if (first.isEmpty()) {
                return Result.notParked(key);
            }
            int replayed = 0;
            while (true) {
                Optional<ParkedRecord> head = lot.head(key);
                if (head.isEmpty()) {
                    int handled = replayed;
                    Boolean released = transactions.execute(status -> {
                        if (!lot.releaseIfEmpty(key)) {
                            return false;
                        }
                        actions.recorded(action(
                                ParkingAction.Kind.REPLAYED,
                                key,
                                operator,
                                first.get(),
                                ParkingAction.Outcome.RELEASED,
                                handled,
                                null,
                                List.of(),
                                0));
                        return true;
                    });
                    if (Boolean.TRUE.equals(released)) {
                        return Result.of(ParkingAction.Outcome.RELEASED, key, replayed, null, List.of(), 0);
                    }
                    continue; // a record was parked meanwhile: it flows too
                }
                ParkedRecord record = head.get();
                try {
                    handler.handle(record.toConsumerRecord());
                } catch (RuntimeException failure) {
                    if (ConsumerFailures.isOutage(failure)) {
                        throw new ParkingUnavailableException(failure);
                    }
                    String reason = ConsumerFailures.reason(failure);
                    int handled = replayed;
                    int remaining = transactions.execute(status -> {
                        lot.failedAgain(record.id(), reason);
                        int left = lot.records(key).size();
                        actions.recorded(action(
                                ParkingAction.Kind.REPLAYED,
                                key,
                                operator,
                                first.get(),
                                ParkingAction.Outcome.FAILED_AGAIN,
                                handled,
                                null,
                                List.of(),
                                left));
                        return left;
                    });
                    log.error("Replay of a parked key stopped at " + coordinates(record.toConsumerRecord()) + ": "
                            + reason);
                    return Result.of(ParkingAction.Outcome.FAILED_AGAIN, key, replayed, reason, List.of(), remaining);
                }
                transactions.executeWithoutResult(status -> lot.remove(record.id()));
                replayed++;
            }
        });
    }

    /**
     * Drops the key's head for good. The next parked record becomes the head; a key left without
     * records is released.
     *
     * @throws IllegalArgumentException if the reason is not a code
     */
    public Result discard(String key, String reason, String operator) {
        if (reason == null || !REASON_CODE.matcher(reason).matches()) {
            throw new IllegalArgumentException("a discard's reason is a code such as TEST_RECORD: "
                    + "upper-case letters, digits and '_', at most 64");
        }
        return exclusively(key, () -> {
            Optional<ParkedRecord> head = lot.head(key);
            if (head.isEmpty()) {
                return Result.notParked(key);
            }
            List<String> neverDone = consequences.neverDone(head.get().toConsumerRecord());
            return transactions.execute(status -> {
                lot.remove(head.get().id());
                boolean released = lot.releaseIfEmpty(key);
                int remaining = released ? 0 : lot.records(key).size();
                ParkingAction.Outcome outcome =
                        released ? ParkingAction.Outcome.RELEASED : ParkingAction.Outcome.STILL_PARKED;
                actions.recorded(action(
                        ParkingAction.Kind.DISCARDED,
                        key,
                        operator,
                        head.get(),
                        outcome,
                        0,
                        reason,
                        neverDone,
                        remaining));
                log.warn("Discarded the parked head " + coordinates(head.get().toConsumerRecord()) + " (" + reason
                        + ")");
                return Result.of(outcome, key, 0, null, neverDone, remaining);
            });
        });
    }

    /** The parked keys, longest parked first. */
    public List<ParkingLot.ParkedKey> keys() {
        return lot.keys();
    }

    /** The key's parked records, head first. */
    public List<ParkedRecord> records(String key) {
        return lot.records(key);
    }

    private Result exclusively(String key, java.util.function.Supplier<Result> action) {
        // One operator action per key at a time in this instance; handlers are idempotent, so two
        // instances replaying the same key at once handle a record twice at worst.
        if (!acting.add(key)) {
            return Result.busy(key);
        }
        try {
            return action.get();
        } finally {
            acting.remove(key);
        }
    }

    private ParkingAction action(
            ParkingAction.Kind kind,
            String key,
            String operator,
            ParkedRecord head,
            ParkingAction.Outcome outcome,
            int replayed,
            String reason,
            List<String> neverDone,
            int remaining) {
        return new ParkingAction(
                kind, key, operator, clock.instant(), head, outcome, replayed, reason, neverDone, remaining);
    }

    private static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /**
     * What an operator's action came to.
     *
     * @param outcome {@code null} if nothing was done: the key is not parked, or another action on it
     *     is running
     * @param reason why a replayed record failed again
     */
    public record Result(
            Status status,
            ParkingAction.Outcome outcome,
            String key,
            int replayed,
            String reason,
            List<String> neverDone,
            int remaining) {

        public enum Status {
            DONE,
            NOT_PARKED,
            BUSY
        }

        static Result of(
                ParkingAction.Outcome outcome,
                String key,
                int replayed,
                String reason,
                List<String> neverDone,
                int remaining) {
            return new Result(Status.DONE, outcome, key, replayed, reason, List.copyOf(neverDone), remaining);
        }

        static Result notParked(String key) {
            return new Result(Status.NOT_PARKED, null, key, 0, null, List.of(), 0);
        }

        static Result busy(String key) {
            return new Result(Status.BUSY, null, key, 0, null, List.of(), 0);
        }
    }
}
