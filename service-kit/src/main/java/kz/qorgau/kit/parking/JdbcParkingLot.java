package kz.qorgau.kit.parking;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The parking in the service's own database: the kit's tables of db/kit/parking. */
public final class JdbcParkingLot implements ParkingLot {

    private static final String COLUMNS = "id, sequence_key, topic, kafka_partition, kafka_offset, record_headers,"
            + " record_value, record_time, parked_at, reason";

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcParkingLot(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean isParked(String key) {
        return jdbc.sql("SELECT count(*) FROM kit_parked_key WHERE sequence_key = :key")
                        .param("key", key)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    @Override
    public boolean parkIfParked(String key, ConsumerRecord<String, byte[]> record) {
        boolean parked = jdbc.sql("SELECT sequence_key FROM kit_parked_key WHERE sequence_key = :key FOR UPDATE")
                .param("key", key)
                .query(String.class)
                .optional()
                .isPresent();
        if (parked) {
            insert(key, record, null);
        }
        return parked;
    }

    @Override
    public boolean parkFailed(String key, ConsumerRecord<String, byte[]> record, String reason) {
        boolean newly = jdbc.sql(
                                """
                        INSERT INTO kit_parked_key (sequence_key, parked_at) VALUES (:key, :now)
                        ON CONFLICT (sequence_key) DO NOTHING
                        """)
                        .param("key", key)
                        .param("now", now())
                        .update()
                == 1;
        // The row lock, as parkIfParked and releaseIfEmpty take it.
        jdbc.sql("SELECT sequence_key FROM kit_parked_key WHERE sequence_key = :key FOR UPDATE")
                .param("key", key)
                .query(String.class)
                .single();
        insert(key, record, reason);
        return newly;
    }

    @Override
    public Optional<ParkedRecord> head(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kit_parked_record WHERE sequence_key = :key ORDER BY id LIMIT 1")
                .param("key", key)
                .query(JdbcParkingLot::map)
                .optional();
    }

    @Override
    public List<ParkedRecord> records(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kit_parked_record WHERE sequence_key = :key ORDER BY id")
                .param("key", key)
                .query(JdbcParkingLot::map)
                .list();
    }

    @Override
    public void remove(long id) {
        jdbc.sql("DELETE FROM kit_parked_record WHERE id = :id").param("id", id).update();
    }

    @Override
    public void failedAgain(long id, String reason) {
        jdbc.sql("UPDATE kit_parked_record SET reason = :reason WHERE id = :id")
                .param("id", id)
                .param("reason", truncate(reason))
                .update();
    }

    @Override
    public boolean releaseIfEmpty(String key) {
        boolean parked = jdbc.sql("SELECT sequence_key FROM kit_parked_key WHERE sequence_key = :key FOR UPDATE")
                .param("key", key)
                .query(String.class)
                .optional()
                .isPresent();
        if (!parked) {
            return false;
        }
        return jdbc.sql(
                                """
                        DELETE FROM kit_parked_key k WHERE sequence_key = :key
                        AND NOT EXISTS (SELECT 1 FROM kit_parked_record r WHERE r.sequence_key = k.sequence_key)
                        """)
                        .param("key", key)
                        .update()
                == 1;
    }

    @Override
    public List<ParkedKey> keys() {
        return jdbc.sql(
                        """
                SELECT k.sequence_key, k.parked_at, count(r.id) AS records,
                       (SELECT h.reason FROM kit_parked_record h WHERE h.sequence_key = k.sequence_key
                        ORDER BY h.id LIMIT 1) AS head_reason
                FROM kit_parked_key k LEFT JOIN kit_parked_record r ON r.sequence_key = k.sequence_key
                GROUP BY k.sequence_key, k.parked_at
                ORDER BY k.parked_at, k.sequence_key
                """)
                .query((row, number) -> new ParkedKey(
                        row.getString("sequence_key"),
                        row.getObject("parked_at", OffsetDateTime.class),
                        row.getInt("records"),
                        row.getString("head_reason")))
                .list();
    }

    @Override
    public Summary summary() {
        return jdbc.sql(
                        """
                SELECT (SELECT count(*) FROM kit_parked_key) AS keys,
                       (SELECT count(*) FROM kit_parked_record) AS records,
                       (SELECT min(parked_at) FROM kit_parked_record) AS oldest
                """)
                .query((row, number) -> new Summary(
                        row.getInt("keys"), row.getInt("records"), row.getObject("oldest", OffsetDateTime.class)))
                .single();
    }

    private void insert(String key, ConsumerRecord<String, byte[]> record, String reason) {
        jdbc.sql(
                        """
                INSERT INTO kit_parked_record (sequence_key, topic, kafka_partition, kafka_offset, record_headers,
                                               record_value, record_time, parked_at, reason)
                VALUES (:key, :topic, :partition, :offset, :headers, :value, :time, :now, :reason)
                """)
                .param("key", key)
                .param("topic", record.topic())
                .param("partition", record.partition())
                .param("offset", record.offset())
                .param("headers", encode(record.headers()))
                .param("value", record.value())
                .param("time", record.timestamp())
                .param("now", now())
                .param("reason", truncate(reason))
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }

    /** Headers in order, repeats kept: count, then each name (UTF) and value (length, bytes; -1 for null). */
    static byte[] encode(Iterable<Header> headers) {
        List<Header> all = new ArrayList<>();
        headers.forEach(all::add);
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeInt(all.size());
            for (Header header : all) {
                out.writeUTF(header.key());
                if (header.value() == null) {
                    out.writeInt(-1);
                } else {
                    out.writeInt(header.value().length);
                    out.write(header.value());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<Header> decode(byte[] encoded) {
        try (var in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int count = in.readInt();
            List<Header> headers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int length = in.readInt();
                headers.add(new RecordHeader(name, length < 0 ? null : in.readNBytes(length)));
            }
            return headers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParkedRecord map(ResultSet row, int number) throws SQLException {
        return new ParkedRecord(
                row.getLong("id"),
                row.getString("sequence_key"),
                row.getString("topic"),
                row.getInt("kafka_partition"),
                row.getLong("kafka_offset"),
                decode(row.getBytes("record_headers")),
                row.getBytes("record_value"),
                row.getLong("record_time"),
                row.getObject("parked_at", OffsetDateTime.class),
                row.getString("reason"));
    }
}
