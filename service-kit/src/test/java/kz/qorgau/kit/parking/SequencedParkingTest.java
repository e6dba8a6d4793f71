package kz.qorgau.kit.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.qorgau.events.EventContractException;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import kz.qorgau.kit.metrics.MetricNames;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.support.TransactionOperations;

/** The parking's decisions, with the table as a map and the handler as a list: no Spring, no Kafka. */
class SequencedParkingTest {

    static final String TOPIC = "ns1.qorgau.orders";

    final InMemoryParkingLot lot = new InMemoryParkingLot();
    final RecordingHandler handler = new RecordingHandler();
    final List<ParkingAction> actions = new ArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final SequencedParking parking = new SequencedParking(
            lot,
            handler,
            SequenceKeys.recordKey(),
            actions::add,
            head -> List.of("duty unit e-mail for " + value(head)),
            TransactionOperations.withoutTransaction(),
            Clock.systemUTC(),
            meters,
            new QorgauKafkaProperties("ns1", new QorgauKafkaProperties.Retry(null, 0, null)));

    long offset;

    @Test
    void aRecordOfAKeyThatIsNotParkedIsHandled() {
        parking.consume(record("K", "1"));

        assertThat(handler.handled).containsExactly("K:1");
        assertThat(lot.keys()).isEmpty();
    }

    @Test
    void afterADeadLetterTheKeysLaterRecordsParkAfterTheirUrgentPartWhileOtherKeysFlow() {
        parking.deadLettered(record("K", "1"), "Event contract violated: broken");
        parking.consume(record("K", "2"));
        parking.consume(record("L", "1"));
        parking.consume(record("K", "3"));

        assertThat(handler.handled).containsExactly("L:1");
        assertThat(handler.urgent).containsExactly("K:2", "K:3");
        assertThat(lot.records("K"))
                .extracting(record -> value(record.toConsumerRecord()))
                .containsExactly("1", "2", "3");
        assertThat(lot.head("K").orElseThrow().reason()).isEqualTo("Event contract violated: broken");
        assertThat(meters.get(MetricNames.PARKING_KEYS_PARKED)
                        .tag(MetricNames.TOPIC, "qorgau.orders")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aKeylessRecordParksNothingAndKeylessRecordsKeepFlowing() {
        parking.deadLettered(record(null, "1"), "IllegalStateException");
        parking.consume(record(null, "2"));

        assertThat(lot.keys()).isEmpty();
        assertThat(handler.handled).containsExactly("null:2");
    }

    @Test
    void aSecondFailureOfAParkedKeyJoinsItsSequenceAndCountsNoNewKey() {
        parking.deadLettered(record("K", "1"), "first");
        parking.deadLettered(record("K", "2"), "second");

        assertThat(lot.records("K")).extracting(ParkedRecord::reason).containsExactly("first", "second");
        assertThat(meters.get(MetricNames.PARKING_KEYS_PARKED).counter().count())
                .isEqualTo(1);
    }

    @Test
    void replayHandlesTheHeadThenTheParkedRecordsInOrderAndReleasesTheKey() {
        parking.deadLettered(record("K", "1"), "broken");
        parking.consume(record("K", "2"));
        parking.consume(record("K", "3"));

        SequencedParking.Result result = parking.replay("K", "operator-1");

        assertThat(result.outcome()).isEqualTo(ParkingAction.Outcome.RELEASED);
        assertThat(result.replayed()).isEqualTo(3);
        assertThat(handler.handled).containsExactly("K:1", "K:2", "K:3");
        assertThat(lot.isParked("K")).isFalse();
        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action.kind()).isEqualTo(ParkingAction.Kind.REPLAYED);
            assertThat(action.operator()).isEqualTo("operator-1");
            assertThat(action.head().offset()).isEqualTo(0);
        });
        parking.consume(record("K", "4"));
        assertThat(handler.handled).endsWith("K:4");
    }

    @Test
    void aReplayedRecordThatFailsAgainIsTheHeadNowAndTheRestStaysParked() {
        parking.deadLettered(record("K", "1"), "broken");
        parking.consume(record("K", "2"));
        parking.consume(record("K", "3"));
        handler.failing.add("K:2");

        SequencedParking.Result result = parking.replay("K", "operator-1");

        assertThat(result.outcome()).isEqualTo(ParkingAction.Outcome.FAILED_AGAIN);
        assertThat(result.replayed()).isEqualTo(1);
        assertThat(result.reason()).contains("[field=f]");
        assertThat(result.remaining()).isEqualTo(2);
        assertThat(lot.head("K").orElseThrow().reason()).contains("[field=f]");
        assertThat(actions)
                .singleElement()
                .extracting(ParkingAction::outcome)
                .isEqualTo(ParkingAction.Outcome.FAILED_AGAIN);
    }

    @Test
    void anOutageDuringAReplayChangesNothing() {
        parking.deadLettered(record("K", "1"), "broken");
        handler.outage = true;

        assertThatThrownBy(() -> parking.replay("K", "operator-1")).isInstanceOf(ParkingUnavailableException.class);
        assertThat(lot.records("K")).hasSize(1);
        assertThat(actions).isEmpty();
    }

    @Test
    void discardDropsTheHeadWithItsReasonSaysWhatWillNeverBeDoneAndTheNextRecordIsTheHead() {
        parking.deadLettered(record("K", "1"), "broken");
        parking.consume(record("K", "2"));

        SequencedParking.Result result = parking.discard("K", "TEST_RECORD", "operator-1");

        assertThat(result.outcome()).isEqualTo(ParkingAction.Outcome.STILL_PARKED);
        assertThat(result.neverDone()).containsExactly("duty unit e-mail for 1");
        assertThat(result.remaining()).isEqualTo(1);
        assertThat(lot.head("K").orElseThrow().toConsumerRecord().value())
                .isEqualTo("2".getBytes(StandardCharsets.UTF_8));
        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action.kind()).isEqualTo(ParkingAction.Kind.DISCARDED);
            assertThat(action.reason()).isEqualTo("TEST_RECORD");
            assertThat(action.neverDone()).containsExactly("duty unit e-mail for 1");
        });

        assertThat(parking.discard("K", "TEST_RECORD", "operator-1").outcome())
                .isEqualTo(ParkingAction.Outcome.RELEASED);
        assertThat(lot.isParked("K")).isFalse();
        assertThat(handler.handled).isEmpty();
    }

    @Test
    void aDiscardNeedsAReasonCodeAndAnUnparkedKeyIsNotFound() {
        parking.deadLettered(record("K", "1"), "broken");

        assertThatThrownBy(() -> parking.discard("K", "the victim Aigul called", "operator-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(parking.discard("L", "TEST_RECORD", "operator-1").status())
                .isEqualTo(SequencedParking.Result.Status.NOT_PARKED);
        assertThat(parking.replay("L", "operator-1").status()).isEqualTo(SequencedParking.Result.Status.NOT_PARKED);
        assertThat(actions).isEmpty();
    }

    private ConsumerRecord<String, byte[]> record(String key, String value) {
        return new ConsumerRecord<>(TOPIC, 0, offset++, key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    /** Remembers what it handled, fails for the records named in {@link #failing}. */
    static final class RecordingHandler implements ParkedRecordHandler {

        final List<String> handled = new ArrayList<>();
        final List<String> urgent = new ArrayList<>();
        final Set<String> failing = new HashSet<>();
        boolean outage;

        @Override
        public void handle(ConsumerRecord<String, byte[]> record) {
            String name = record.key() + ":" + value(record);
            if (outage) {
                throw new DataAccessResourceFailureException("database away");
            }
            if (failing.contains(name)) {
                throw new EventContractException("t", "f", "still broken");
            }
            handled.add(name);
        }

        @Override
        public void handleUrgent(ConsumerRecord<String, byte[]> record) {
            urgent.add(record.key() + ":" + value(record));
        }
    }
}
