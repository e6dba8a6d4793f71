package kz.qorgau.bench;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import kz.qorgau.bench.endtoend.SmtpSink;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.Prohibition;
import kz.qorgau.events.VictimContact;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.events.sealed.LocalDemoKeys;
import kz.qorgau.events.sealed.SealedFieldCipher;
import kz.qorgau.infrastructure.postgres.ServiceDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Recovery: notification-service and audit-service are stopped while a backlog of OrderIssued events
 * (100,000 in a full run) accumulates on the topic; then both start again and each consumer group's lag
 * is watched until it is gone. Events per second while draining, compared with a baseline consumer that
 * does one INSERT+COMMIT per record on the same PostgreSQL (goal: at least half of it). The events are
 * written straight to the topic, as order-service's relay writes them, sealed with the local stack's
 * demo key; the notices go to a counting SMTP peer. Draining is watched for at most a time limit, after
 * which the figure is the rate so far and the time to drain is projected.
 */
final class RecoveryDrain implements BenchPart {

    static final double GOAL_RATIO = 0.5;
    static final List<String> STOPPED = List.of("notification-service", "audit-service");

    @Override
    public String name() {
        return "recovery";
    }

    @Override
    public String description() {
        return "notification and audit stopped while 100,000 events accumulate: drain time and events/s after"
                + " restart, against one INSERT+COMMIT per record (goal >= 0.5)";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        boolean quick = context.step().toSeconds() < 10;
        int events = quick ? 5_000 : 100_000;
        Duration limit = quick ? Duration.ofMinutes(2) : Duration.ofMinutes(10);
        List<Measurement> results = new ArrayList<>();
        try (SmtpSink sink = new SmtpSink();
                LocalStackUnderTest stack = LocalStackUnderTest.start(
                        context,
                        Map.of("QORGAU_SMTP_HOST", "127.0.0.1", "QORGAU_SMTP_PORT", Integer.toString(sink.port())))) {
            String bootstrap = stack.kafkaBootstrap();
            String topic = Topics.ORDERS.nameIn("");
            Map<String, Drain> drains;
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                // A few events first: the two services' consumer groups read them, and so show themselves.
                produce(bootstrap, 20);
                Set<String> groups = caughtUpGroups(admin, topic, STOPPED.size(), Duration.ofMinutes(2));
                List<LocalStackUnderTest.StoppedService> stopped = new ArrayList<>();
                for (String service : STOPPED) {
                    stopped.add(stack.stopService(service));
                }
                produce(bootstrap, events);
                Map<TopicPartition, Long> ends = ends(admin, topic);
                Instant restarted = Instant.now();
                for (LocalStackUnderTest.StoppedService service : stopped) {
                    service.start();
                }
                drains = watch(admin, groups, ends, events, restarted, limit);
            }
            double baseline = baseline(context, bootstrap, topic, events);
            results.add(Measurement.limit(
                    name(), "baseline INSERT+COMMIT consumer", baseline, "events/s", "one row per record, autocommit"));
            for (Map.Entry<String, Drain> group : drains.entrySet()) {
                Drain drain = group.getValue();
                String label = "group " + group.getKey();
                results.add(Measurement.limit(
                        name(),
                        label + ": restart → drained",
                        drain.secondsToDrain(),
                        "s",
                        drain.drained()
                                ? "service start included"
                                : "NOT drained in " + limit.toMinutes() + " min: projected from the rate so far"));
                results.add(new Measurement(
                        name(),
                        label + ": events/s while draining",
                        drain.perSecond(),
                        "events/s",
                        ">= " + GOAL_RATIO + " × baseline",
                        String.format(
                                java.util.Locale.ROOT,
                                "%.2f × baseline; %d of %d events",
                                drain.perSecond() / baseline,
                                drain.consumed(),
                                events)));
            }
            results.add(
                    Measurement.limit(name(), "notices handed to SMTP by the end", sink.received(), "messages", ""));
        }
        return results;
    }

    /** One consumer group's drain: its backlog when it began, when it first moved and when it ended. */
    record Drain(long backlog, long consumed, Instant restarted, Instant firstProgress, Instant last, boolean drained) {

        double perSecond() {
            Instant from = firstProgress == null ? restarted : firstProgress;
            double seconds = Math.max(0.001, Duration.between(from, last).toNanos() / 1e9);
            return consumed / seconds;
        }

        double secondsToDrain() {
            double seconds = Duration.between(restarted, last).toNanos() / 1e9;
            if (drained || consumed == 0) {
                return seconds;
            }
            return seconds + (backlog - consumed) / perSecond();
        }
    }

    private static void produce(String bootstrap, int events) throws Exception {
        SealedFieldCipher cipher = SealedFieldCipher.fromBase64Keys(
                Map.of(LocalDemoKeys.SEALING_KEY_ID, LocalDemoKeys.SEALING_KEY), LocalDemoKeys.SEALING_KEY_ID);
        EventCodec codec = new EventCodec();
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                CloudEventSerializer.class);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(settings)) {
            for (int i = 0; i < events; i++) {
                String orderId = UUID.randomUUID().toString();
                OrderIssued data = new OrderIssued(
                        orderId,
                        "PO-BENCH-2026-" + i,
                        "ALM-BOSTANDYK",
                        "ALM-BOSTANDYK-UP-01",
                        "bench-officer",
                        List.of(Prohibition.DOMESTIC_VIOLENCE, Prohibition.CONTACTING_VICTIM),
                        now.toInstant(),
                        null,
                        new LegalBasis("KZ-245-VIII", "60", "2026-03-02"),
                        cipher.sealJson(
                                new VictimContact(
                                        "Bench Person", "+77010000000", "bench@example.invalid", "Street 1", "kk"),
                                SealedFieldCipher.binding(orderId, OrderIssued.VICTIM_CONTACT_FIELD)));
                producer.send(codec.toProducerRecord(new EventEnvelope<>(
                        UUID.randomUUID(),
                        OrderIssued.TYPE,
                        EventSources.ORDER_SERVICE,
                        now,
                        orderId,
                        1,
                        null,
                        null,
                        data)));
            }
            producer.flush();
        }
    }

    /** The topic's end offsets now. */
    private static Map<TopicPartition, Long> ends(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var info : admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()) {
            latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, offset) -> ends.put(partition, offset.offset()));
        return ends;
    }

    /** How far {@code group} is behind {@code ends} on the topic. */
    private static long lag(Admin admin, String group, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += end.getValue() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    /**
     * The consumer groups of the topic, found as the groups (but the bench's) that have read it to its end
     * after a few events were written to it.
     */
    private static Set<String> caughtUpGroups(Admin admin, String topic, int expected, Duration patience)
            throws Exception {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Map<TopicPartition, Long> ends = ends(admin, topic);
            Set<String> groups = new java.util.TreeSet<>();
            for (ConsumerGroupListing listing : admin.listConsumerGroups().all().get()) {
                String group = listing.groupId();
                if (!group.startsWith("bench-") && lag(admin, group, ends) == 0) {
                    groups.add(group);
                }
            }
            if (groups.size() >= expected) {
                return groups;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Only " + groups + " read " + topic + " to its end");
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    /** Watches the groups until none lags behind {@code ends}, or the limit. */
    private static Map<String, Drain> watch(
            Admin admin,
            Set<String> groups,
            Map<TopicPartition, Long> ends,
            long backlog,
            Instant restarted,
            Duration limit)
            throws Exception {
        Map<String, Drain> drains = new java.util.TreeMap<>();
        Map<String, Instant> firstProgress = new HashMap<>();
        Instant deadline = restarted.plus(limit);
        while (true) {
            Instant now = Instant.now();
            boolean all = true;
            for (String group : groups) {
                Drain before = drains.get(group);
                if (before != null && before.drained()) {
                    continue;
                }
                long lag = lag(admin, group, ends);
                long consumed = backlog - lag;
                if (consumed > 0) {
                    firstProgress.putIfAbsent(group, now);
                }
                Drain drain = new Drain(backlog, consumed, restarted, firstProgress.get(group), now, lag == 0);
                drains.put(group, drain);
                all &= drain.drained();
            }
            if (all || now.isAfter(deadline)) {
                return drains;
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    /** The same records through a plain consumer that inserts and commits each one. */
    private static double baseline(BenchContext context, String bootstrap, String topic, int events) throws Exception {
        ServiceDatabase database = context.database("recovery");
        try (Connection connection = JdbcInsertLimit.connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS received_record");
            statement.execute("CREATE TABLE received_record (topic text NOT NULL, kafka_partition int NOT NULL,"
                    + " kafka_offset bigint NOT NULL, record_key text, payload bytea NOT NULL,"
                    + " PRIMARY KEY (topic, kafka_partition, kafka_offset))");
        }
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-baseline-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class);
        long read = 0;
        long start = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings);
                Connection connection = JdbcInsertLimit.connect(database);
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO received_record VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (read < events && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (start == 0) {
                        start = System.nanoTime();
                    }
                    insert.setString(1, record.topic());
                    insert.setInt(2, record.partition());
                    insert.setLong(3, record.offset());
                    insert.setString(4, record.key());
                    insert.setBytes(5, record.value() == null ? new byte[0] : record.value());
                    insert.executeUpdate();
                    read++;
                }
                consumer.commitSync();
            }
        }
        return read / Math.max(0.001, (System.nanoTime() - start) / 1e9);
    }
}
