package kz.qorgau.kit.parking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT TEST of the parking's storage (docs/adr/0019): what {@link SequencedParking} relies on from a
 * {@link ParkingLot}. Run by every service that parks, against its own database and the kit's migrations
 * (a test class that already has a context extends it), and by the kit against its in-memory lot, so that
 * the parking's fast tests use a fake that behaves like the real one. Keys are fresh UUIDs, so a shared
 * context's other rows do not matter.
 */
public abstract class ParkingContract {

    /** The service's lot (or the fake). */
    protected abstract ParkingLot parkingLot();

    /** Runs {@code work} in one transaction of the service's database (or just runs it, for the fake). */
    protected abstract void inTransaction(Runnable work);

    @Test
    void aFailedRecordParksItsKeyAsTheHeadKeepingItsBytesHeadersAndReason() {
        String key = UUID.randomUUID().toString();
        ConsumerRecord<String, byte[]> failed = record(key, 7, "first");

        boolean[] newlyParked = new boolean[1];
        inTransaction(() -> newlyParked[0] = parkingLot().parkFailed(key, failed, "EventContractException"));

        assertThat(newlyParked[0]).isTrue();
        assertThat(parkingLot().isParked(key)).isTrue();
        ParkedRecord head = parkingLot().head(key).orElseThrow();
        assertThat(head.key()).isEqualTo(key);
        assertThat(head.offset()).isEqualTo(7);
        assertThat(head.value()).isEqualTo("first".getBytes(StandardCharsets.UTF_8));
        assertThat(head.reason()).isEqualTo("EventContractException");
        assertThat(head.headers()).anySatisfy(header -> assertThat(header.key()).isEqualTo("ce_type"));
        assertThat(parkingLot().keys()).anySatisfy(parked -> {
            assertThat(parked.key()).isEqualTo(key);
            assertThat(parked.records()).isEqualTo(1);
            assertThat(parked.headReason()).isEqualTo("EventContractException");
        });
        release(key);
    }

    @Test
    void laterRecordsParkBehindTheHeadInArrivalOrderAndAnUnparkedKeyTakesNone() {
        String key = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        inTransaction(() -> parkingLot().parkFailed(key, record(key, 1, "head"), "IllegalStateException"));

        boolean[] parked = new boolean[3];
        inTransaction(() -> parked[0] = parkingLot().parkIfParked(key, record(key, 2, "second")));
        inTransaction(() -> parked[1] = parkingLot().parkIfParked(key, record(key, 3, "third")));
        inTransaction(() -> parked[2] = parkingLot().parkIfParked(other, record(other, 4, "free")));

        assertThat(parked).containsExactly(true, true, false);
        assertThat(parkingLot().isParked(other)).isFalse();
        assertThat(parkingLot().records(other)).isEmpty();
        assertThat(parkingLot().records(key)).extracting(ParkedRecord::offset).containsExactly(1L, 2L, 3L);
        release(key);
    }

    @Test
    void aSecondFailureOfAParkedKeyJoinsTheQueueAndAFailedHeadStaysTheHead() {
        String key = UUID.randomUUID().toString();
        inTransaction(() -> parkingLot().parkFailed(key, record(key, 1, "head"), "FirstReason"));

        boolean[] newlyParked = new boolean[1];
        inTransaction(() -> newlyParked[0] = parkingLot().parkFailed(key, record(key, 2, "later"), "SecondReason"));
        long headId = parkingLot().head(key).orElseThrow().id();
        inTransaction(() -> parkingLot().failedAgain(headId, "ThirdReason"));

        assertThat(newlyParked[0]).isFalse();
        List<ParkedRecord> records = parkingLot().records(key);
        assertThat(records).extracting(ParkedRecord::offset).containsExactly(1L, 2L);
        assertThat(records.get(0).reason()).isEqualTo("ThirdReason");
        assertThat(records.get(1).reason()).isEqualTo("SecondReason");
        release(key);
    }

    @Test
    void aKeyIsReleasedOnlyOnceItsLastRecordIsRemoved() {
        String key = UUID.randomUUID().toString();
        inTransaction(() -> parkingLot().parkFailed(key, record(key, 1, "head"), "Reason"));
        inTransaction(() -> parkingLot().parkIfParked(key, record(key, 2, "next")));

        boolean[] released = new boolean[2];
        long head = parkingLot().head(key).orElseThrow().id();
        inTransaction(() -> {
            parkingLot().remove(head);
            released[0] = parkingLot().releaseIfEmpty(key);
        });
        assertThat(released[0]).isFalse();
        assertThat(parkingLot().head(key).orElseThrow().offset()).isEqualTo(2L);

        long next = parkingLot().head(key).orElseThrow().id();
        inTransaction(() -> {
            parkingLot().remove(next);
            released[1] = parkingLot().releaseIfEmpty(key);
        });
        assertThat(released[1]).isTrue();
        assertThat(parkingLot().isParked(key)).isFalse();
        assertThat(parkingLot().keys())
                .noneSatisfy(parked -> assertThat(parked.key()).isEqualTo(key));
    }

    @Test
    void theSummaryCountsWhatIsParked() {
        ParkingLot.Summary before = parkingLot().summary();
        String key = UUID.randomUUID().toString();
        inTransaction(() -> parkingLot().parkFailed(key, record(key, 1, "head"), "Reason"));
        inTransaction(() -> parkingLot().parkIfParked(key, record(key, 2, "next")));

        ParkingLot.Summary during = parkingLot().summary();

        assertThat(during.keys()).isEqualTo(before.keys() + 1);
        assertThat(during.records()).isEqualTo(before.records() + 2);
        assertThat(during.oldest()).isNotNull();
        release(key);
    }

    /** Removes the key's records and releases it, as a replay that succeeds would. */
    private void release(String key) {
        inTransaction(() -> {
            parkingLot().records(key).forEach(parked -> parkingLot().remove(parked.id()));
            parkingLot().releaseIfEmpty(key);
        });
    }

    private static ConsumerRecord<String, byte[]> record(String key, long offset, String value) {
        ConsumerRecord<String, byte[]> record =
                new ConsumerRecord<>("qorgau.orders", 0, offset, key, value.getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader("ce_type", "kz.qorgau.order.issued.v1".getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
