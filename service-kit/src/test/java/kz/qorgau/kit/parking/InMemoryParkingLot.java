package kz.qorgau.kit.parking;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** The parking table as a map, for the decisions' unit tests. */
final class InMemoryParkingLot implements ParkingLot {

    private final Map<String, OffsetDateTime> keys = new LinkedHashMap<>();
    private final List<ParkedRecord> records = new ArrayList<>();
    private long nextId = 1;

    @Override
    public boolean isParked(String key) {
        return keys.containsKey(key);
    }

    @Override
    public boolean parkIfParked(String key, ConsumerRecord<String, byte[]> record) {
        if (!keys.containsKey(key)) {
            return false;
        }
        add(key, record, null);
        return true;
    }

    @Override
    public boolean parkFailed(String key, ConsumerRecord<String, byte[]> record, String reason) {
        boolean newly = keys.putIfAbsent(key, OffsetDateTime.now()) == null;
        add(key, record, reason);
        return newly;
    }

    @Override
    public Optional<ParkedRecord> head(String key) {
        return records(key).stream().findFirst();
    }

    @Override
    public List<ParkedRecord> records(String key) {
        return records.stream()
                .filter(record -> record.key().equals(key))
                .sorted(Comparator.comparingLong(ParkedRecord::id))
                .toList();
    }

    @Override
    public void remove(long id) {
        records.removeIf(record -> record.id() == id);
    }

    @Override
    public void failedAgain(long id, String reason) {
        records.replaceAll(record -> record.id() == id
                ? new ParkedRecord(
                        record.id(),
                        record.key(),
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.headers(),
                        record.value(),
                        record.timestamp(),
                        record.parkedAt(),
                        reason)
                : record);
    }

    @Override
    public boolean releaseIfEmpty(String key) {
        if (keys.containsKey(key) && records(key).isEmpty()) {
            keys.remove(key);
            return true;
        }
        return false;
    }

    @Override
    public List<ParkedKey> keys() {
        return keys.entrySet().stream()
                .map(entry -> new ParkedKey(
                        entry.getKey(),
                        entry.getValue(),
                        records(entry.getKey()).size(),
                        head(entry.getKey()).map(ParkedRecord::reason).orElse(null)))
                .toList();
    }

    @Override
    public Summary summary() {
        return new Summary(
                keys.size(),
                records.size(),
                records.stream()
                        .map(ParkedRecord::parkedAt)
                        .min(Comparator.naturalOrder())
                        .orElse(null));
    }

    private void add(String key, ConsumerRecord<String, byte[]> record, String reason) {
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(headers::add);
        records.add(new ParkedRecord(
                nextId++,
                key,
                record.topic(),
                record.partition(),
                record.offset(),
                headers,
                record.value(),
                record.timestamp(),
                OffsetDateTime.now(),
                reason));
    }
}
