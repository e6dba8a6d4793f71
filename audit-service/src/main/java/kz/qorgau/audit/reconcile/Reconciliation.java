package kz.qorgau.audit.reconcile;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import kz.qorgau.audit.checkpoint.PeriodicTask;
import kz.qorgau.audit.entry.AuditAppender;
import kz.qorgau.audit.entry.AuditEntryListener;
import kz.qorgau.audit.entry.OwnEvent;
import kz.qorgau.audit.platform.AuditProperties;
import kz.qorgau.audit.writer.WriterLeadership;
import kz.qorgau.events.catalog.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds the trail to what the broker holds (docs/adr/0027), per topic and partition, from the log's start offset
 * (what lies below was deleted by retention: nothing to compare) up to the audit group's committed offset (what
 * the writer says it appended): every record a read-committed consumer is given there must be an entry. Offsets
 * it is not given are transaction markers or aborted records, not gaps. Each partition is compared once up to
 * where it was last compared; a gap is logged, counted in {@code audit.reconciliation.gaps} and stays counted,
 * and becomes an entry of the trail itself ({@value #GAP_FOUND}, one per partition and round, with the
 * missing offsets), so that the trail says where it is incomplete. Only the writer runs it, every
 * {@code qorgau.audit.reconcile.interval}; a writer that takes over compares again from the start and reports
 * a gap it finds again.
 */
@Component
public class Reconciliation extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The service's own entry for records of one partition the trail lacks; no personal data. */
    public static final String GAP_FOUND = "kz.qorgau.audit.reconciliation.gap.found.v1";

    /** Offsets named in one gap entry at most; its count says how many there were. */
    static final int OFFSETS_NAMED = 100;

    private final JdbcClient jdbc;
    private final WriterLeadership writer;
    private final AuditAppender appender;
    private final JsonMapper json;
    private final Set<String> topics;
    private final String bootstrapServers;
    private final Map<TopicPartition, Long> comparedUpTo = new ConcurrentHashMap<>();
    private final AtomicLong gaps = new AtomicLong();

    public Reconciliation(
            JdbcClient jdbc,
            WriterLeadership writer,
            AuditEntryListener listener,
            AuditAppender appender,
            JsonMapper json,
            KafkaProperties kafka,
            AuditProperties properties,
            MeterRegistry meters) {
        super("audit-reconciliation", properties.reconcile().interval());
        this.jdbc = jdbc;
        this.writer = writer;
        this.appender = appender;
        this.json = json;
        this.topics = Set.of(listener.topics());
        this.bootstrapServers = String.join(",", kafka.getBootstrapServers());
        Gauge.builder("audit.reconciliation.gaps", gaps, AtomicLong::get)
                .description("Records the broker holds below the audit group's committed offset that are not in"
                        + " the trail, found since this instance started")
                .register(meters);
    }

    /** A record the broker holds that the trail lacks. */
    public record Gap(String topic, int partition, long offset) {}

    /** Compares every audited partition up to the group's committed offset; the gaps found this time. */
    public synchronized List<Gap> reconcile() throws ExecutionException, InterruptedException, TimeoutException {
        Set<Gap> found = new HashSet<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
                KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(Topics.AUDIT_SERVICE)
                    .partitionsToOffsetAndMetadata()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, OffsetAndMetadata> group : committed.entrySet()) {
                TopicPartition partition = group.getKey();
                if (!topics.contains(partition.topic()) || group.getValue() == null) {
                    continue;
                }
                long end = group.getValue().offset();
                long start = admin.listOffsets(Map.of(partition, OffsetSpec.earliest()))
                        .partitionResult(partition)
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                        .offset();
                long from = Math.max(start, comparedUpTo.getOrDefault(partition, 0L));
                if (from >= end) {
                    continue;
                }
                Set<Long> missing = delivered(consumer, partition, from, end);
                missing.removeAll(
                        jdbc.sql("SELECT kafka_offset FROM audit_entry WHERE topic = ? AND kafka_partition = ?"
                                        + " AND kafka_offset >= ? AND kafka_offset < ?")
                                .params(partition.topic(), partition.partition(), from, end)
                                .query(Long.class)
                                .list());
                if (!missing.isEmpty()) {
                    // Recorded and counted before the partition counts as compared: a failure here finds the gap
                    // again, and a later partition's failure cannot hide this one from the gauge.
                    appendGapEntry(partition, missing);
                    gaps.addAndGet(missing.size());
                    log.error(
                            "The trail lacks {} records the broker holds, e.g. {}",
                            missing.size(),
                            new Gap(
                                    partition.topic(),
                                    partition.partition(),
                                    missing.iterator().next()));
                    missing.forEach(offset -> found.add(new Gap(partition.topic(), partition.partition(), offset)));
                }
                comparedUpTo.put(partition, end);
            }
        }
        return List.copyOf(found);
    }

    private void appendGapEntry(TopicPartition partition, Set<Long> missing) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("topic", partition.topic());
        payload.put("partition", partition.partition());
        payload.put("count", missing.size());
        payload.put("offsets", missing.stream().sorted().limit(OFFSETS_NAMED).toList());
        String subject = partition.topic() + "-" + partition.partition();
        writer.inWriterTransaction(
                jdbc -> appender.appendOwn(jdbc, OwnEvent.of(GAP_FOUND, subject, json.writeValueAsString(payload))));
    }

    /** The offsets in {@code [from, end)} a read-committed consumer is given: markers and aborted records are not. */
    private static Set<Long> delivered(
            KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long from, long end) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        Set<Long> offsets = new HashSet<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (consumer.position(partition) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + partition + " up to " + end);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < end) {
                    offsets.add(record.offset());
                }
            }
        }
        return offsets;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "audit-reconciliation"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    @Override
    protected void tick() {
        if (!writer.isWriter()) {
            return;
        }
        try {
            reconcile();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("Could not reconcile the trail with the broker; retrying: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
