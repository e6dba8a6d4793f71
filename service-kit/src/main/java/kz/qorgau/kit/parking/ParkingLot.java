package kz.qorgau.kit.parking;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where parked keys and their records are kept: {@link JdbcParkingLot} in the service's database (the
 * kit's table, db/kit/parking), a map in the parking's unit tests. Methods that change two rows expect
 * to run in the caller's transaction.
 */
public interface ParkingLot {

    boolean isParked(String key);

    /**
     * Parks {@code record} behind the key's others if the key is still parked; the check and the insert
     * hold the key's row lock, so a key cannot be released between them.
     *
     * @return false if the key is no longer parked (the record must then be processed)
     */
    boolean parkIfParked(String key, ConsumerRecord<String, byte[]> record);

    /**
     * Parks a record that failed: the key becomes parked if it was not, with this record as its head;
     * a key already parked gets the record (with its reason) at the end.
     *
     * @return true if the key was newly parked
     */
    boolean parkFailed(String key, ConsumerRecord<String, byte[]> record, String reason);

    /** The key's oldest parked record. */
    Optional<ParkedRecord> head(String key);

    /** The key's records, head first. */
    List<ParkedRecord> records(String key);

    void remove(long id);

    /** Records a new failure of a record that stays the head. */
    void failedAgain(long id, String reason);

    /**
     * Releases the key if it holds no records (under the key's row lock).
     *
     * @return true if the key was released
     */
    boolean releaseIfEmpty(String key);

    /** Every parked key, longest parked first. */
    List<ParkedKey> keys();

    /** Sums for the metrics. */
    Summary summary();

    /** A parked key: since when, how many records, and why its head failed. */
    record ParkedKey(String key, OffsetDateTime parkedAt, int records, String headReason) {}

    /** @param oldest when the oldest record still parked was parked; {@code null} if none is */
    record Summary(int keys, int records, OffsetDateTime oldest) {}
}
