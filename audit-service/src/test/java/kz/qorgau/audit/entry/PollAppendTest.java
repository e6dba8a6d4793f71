package kz.qorgau.audit.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.kafka.CloudEventSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.audit.CatalogueTopics;
import kz.qorgau.audit.ExampleEvents;
import kz.qorgau.audit.tree.StoredTree;
import kz.qorgau.audit.verify.AuditVerifier;
import kz.qorgau.audit.writer.WriterLeadership;
import kz.qorgau.auditlog.TreeHash;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.testsupport.QorgauInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A poll's records appended together (docs/adr/0041), on the real database: one transaction, in order, an event
 * twice in the poll appended once, an unreadable record raw, and the chain and the stored tree as if each had been
 * appended alone. The records are built as the broker would hand them, on a topic the writer does not read, so
 * that nothing else joins the poll.
 */
@SpringBootTest(properties = "management.server.port=0")
@QorgauInfrastructure
@Import(CatalogueTopics.class)
class PollAppendTest {

    private static final String TOPIC = "poll-append-test";

    @Autowired
    AuditAppender appender;

    @Autowired
    WriterLeadership writer;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    EventCodec codec;

    @Autowired
    JdbcClient jdbc;

    private final CloudEventSerializer cloudEvents = new CloudEventSerializer();

    @Test
    void aPollIsOneTransactionInOrderEachRecordAtMostOnceAndTheTreeAsIfAppendedOneByOne() {
        await().atMost(Duration.ofSeconds(60)).until(writer::isWriter);
        String orderId = UUID.randomUUID().toString();
        EventEnvelope<?> issued = ExampleEvents.orderIssued(orderId);
        List<ConsumerRecord<byte[], byte[]>> poll = new ArrayList<>();
        poll.add(event(0, issued));
        poll.add(event(1, issued));
        poll.add(raw(2, "{not json".getBytes(StandardCharsets.UTF_8)));
        poll.add(event(3, ExampleEvents.notificationSent(orderId, 2)));
        poll.add(event(4, ExampleEvents.accessRecorded(orderId, 3)));

        List<AuditAppender.Appended> appended = appender.appendAll(
                poll.stream().map(record -> ReceivedRecord.read(record, codec)).toList());

        long first = appended.get(0).sequence();
        assertThat(appended)
                .containsExactly(
                        new AuditAppender.Appended(first, false),
                        new AuditAppender.Appended(first, true),
                        new AuditAppender.Appended(first + 1, false),
                        new AuditAppender.Appended(first + 2, false),
                        new AuditAppender.Appended(first + 3, false));
        List<Map<String, Object>> rows = jdbc.sql(
                        """
                SELECT kafka_offset, unreadable_reason IS NOT NULL AS raw, xmin::text AS transaction
                  FROM audit_entry WHERE topic = ? ORDER BY sequence""")
                .param(TOPIC)
                .query()
                .listOfRows();
        assertThat(rows)
                .extracting(row -> ((Number) row.get("kafka_offset")).longValue())
                .containsExactly(0L, 2L, 3L, 4L);
        assertThat(rows).extracting(row -> row.get("raw")).containsExactly(false, true, false, false);
        assertThat(rows)
                .extracting(row -> row.get("transaction"))
                .containsOnly(rows.get(0).get("transaction"));

        assertThat(verifier.verifyFully().intact()).isTrue();
        long size = first + 3;
        assertThat(new StoredTree(jdbc).root(size)).isEqualTo(rootOfTheLeaves(size));
    }

    /** RFC 6962's MTH over the stored leaves, computed from them alone: the tree's stored nodes must agree. */
    private byte[] rootOfTheLeaves(long size) {
        List<byte[]> leaves = jdbc.sql("SELECT leaf_hash FROM audit_entry WHERE sequence <= ? ORDER BY sequence")
                .param(size)
                .query((row, number) -> row.getBytes(1))
                .list();
        assertThat(leaves).hasSize((int) size);
        return mth(leaves);
    }

    private static byte[] mth(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int split = Integer.highestOneBit(leaves.size() - 1);
        return TreeHash.node(mth(leaves.subList(0, split)), mth(leaves.subList(split, leaves.size())));
    }

    private ConsumerRecord<byte[], byte[]> event(long offset, EventEnvelope<?> envelope) {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = cloudEvents.serialize(TOPIC, headers, codec.toCloudEvent(envelope));
        return record(offset, envelope.subject(), value, headers);
    }

    private ConsumerRecord<byte[], byte[]> raw(long offset, byte[] value) {
        return record(offset, "some-key", value, new RecordHeaders());
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, String key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>(
                TOPIC,
                0,
                offset,
                System.currentTimeMillis(),
                TimestampType.CREATE_TIME,
                -1,
                value.length,
                key.getBytes(StandardCharsets.UTF_8),
                value,
                headers,
                Optional.empty());
    }
}
