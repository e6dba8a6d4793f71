package kz.qorgau.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kz.qorgau.bench.relay.RelayBenchApplication;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.Prohibition;
import kz.qorgau.events.VictimContact;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.CloudEventExtensions;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.events.sealed.SealedFieldCipher;
import kz.qorgau.infrastructure.postgres.ServiceDatabase;
import kz.qorgau.kit.outbox.Outbox;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kit's outbox relay alone (docs/adr/0018): a backlog of OrderIssued events is committed at once, and
 * the relay, woken by the commit, publishes it to a 6-partition topic of the run's broker. Events per
 * second from the commit to the last row marked published, then every record is read back to check that
 * each order's events arrived in their sequence. Two backlogs: many orders with a few events each, and one
 * order with many; a round takes up to a batch of the oldest waiting events, several of an order in its
 * sequence (docs/adr/0044; before, one event per order per round made the second backlog go at one event per
 * round).
 */
final class RelayThroughput implements BenchPart {

    record Backlog(String label, int orders, int eventsPerOrder, boolean goal) {
        int events() {
            return orders * eventsPerOrder;
        }
    }

    static final List<Backlog> BACKLOGS = List.of(
            new Backlog("2,000 orders x 10 events", 2_000, 10, true),
            new Backlog("1 order x 300 events", 1, 300, false));

    static final double GOAL_EVENTS_PER_SECOND = 400;

    @Override
    public String name() {
        return "relay";
    }

    @Override
    public String description() {
        return "the kit's outbox relay from a pre-filled backlog, per-order order checked (goal >= 400 events/s)";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        ServiceDatabase database = context.database("relay");
        try (var connection = JdbcInsertLimit.connect(database);
                var statement = connection.createStatement()) {
            // A fresh schema each run: the kit's migrations make kit_outbox again.
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
        String bootstrap = context.broker().bootstrapServers();
        String namespace = "bench" + Long.toString(System.currentTimeMillis(), 36);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(Topics.ORDERS.newTopic(namespace))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.application.name", "bench-relay");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.role());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.kafka.bootstrap-servers", bootstrap);
        properties.put("qorgau.kafka.namespace", namespace);
        properties.put("qorgau.outbox.enabled", "true");
        properties.put("logging.level.root", "WARN");

        List<Measurement> results = new ArrayList<>();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RelayBenchApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run()) {
            Outbox outbox = app.getBean(Outbox.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            SealedFieldCipher cipher = benchCipher();
            for (Backlog backlog : BACKLOGS) {
                List<EventEnvelope<OrderIssued>> events = backlog(backlog, cipher);
                transaction.executeWithoutResult(status -> events.forEach(outbox::append));
                long start = System.nanoTime();
                while (unpublished(jdbc) > 0) {
                    if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
                        throw new IllegalStateException(
                                "The relay did not publish " + backlog.label() + " in 10 minutes");
                    }
                    Thread.sleep(5);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                int inOrder = checkOrder(bootstrap, Topics.ORDERS.nameIn(namespace), events);
                double perSecond = backlog.events() / seconds;
                results.add(new Measurement(
                        name(),
                        "events/s, " + backlog.label(),
                        perSecond,
                        "events/s",
                        backlog.goal() ? ">= " + (int) GOAL_EVENTS_PER_SECOND : "",
                        inOrder + " of " + backlog.events() + " read back in per-order sequence; batch of "
                                + app.getEnvironment().getProperty("qorgau.outbox.relay.batch-size", "200")
                                + " events, one Kafka transaction per round"));
                jdbc.sql("DELETE FROM kit_outbox").update();
            }
        }
        return results;
    }

    private static int unpublished(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM kit_outbox WHERE published_at IS NULL")
                .query(Integer.class)
                .single();
    }

    static List<EventEnvelope<OrderIssued>> backlog(Backlog backlog, SealedFieldCipher cipher) {
        List<EventEnvelope<OrderIssued>> events = new ArrayList<>(backlog.events());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        for (int order = 0; order < backlog.orders(); order++) {
            String orderId = UUID.randomUUID().toString();
            for (int sequence = 1; sequence <= backlog.eventsPerOrder(); sequence++) {
                OrderIssued data = new OrderIssued(
                        orderId,
                        "BENCH-" + order + "-" + sequence,
                        "ALM-BOSTANDYK",
                        "ALM-BOSTANDYK-UP-01",
                        "bench-officer",
                        List.of(Prohibition.DOMESTIC_VIOLENCE, Prohibition.CONTACTING_VICTIM),
                        Instant.parse("2026-03-01T10:15:30Z"),
                        null,
                        new LegalBasis("KZ-245-VIII", "60", "2026-03-02"),
                        cipher.sealJson(
                                new VictimContact(
                                        "Bench Person", "+77010000000", "bench@example.invalid", "Street 1", "kk"),
                                SealedFieldCipher.binding(orderId, OrderIssued.VICTIM_CONTACT_FIELD)));
                events.add(new EventEnvelope<>(
                        UUID.randomUUID(),
                        OrderIssued.TYPE,
                        EventSources.ORDER_SERVICE,
                        now,
                        orderId,
                        sequence,
                        null,
                        null,
                        data));
            }
        }
        return events;
    }

    /** Reads the topic back; fails unless every event arrived once, each order's in its sequence. */
    static int checkOrder(String bootstrap, String topic, List<EventEnvelope<OrderIssued>> expected) {
        Map<String, Long> lastSequence = new HashMap<>();
        Map<String, Long> expectedLast = new HashMap<>();
        expected.forEach(event -> expectedLast.merge(event.subject(), event.sequence(), Math::max));
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5_000);
        int read = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (read < expected.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!expectedLast.containsKey(record.key())) {
                        continue; // an earlier backlog's
                    }
                    long sequence = sequence(record);
                    long previous = lastSequence.getOrDefault(record.key(), 0L);
                    if (sequence != previous + 1) {
                        throw new IllegalStateException(
                                "Order " + record.key() + ": event " + sequence + " arrived after " + previous);
                    }
                    lastSequence.put(record.key(), sequence);
                    read++;
                }
            }
        }
        if (!lastSequence.equals(expectedLast)) {
            throw new IllegalStateException("Read back " + read + " of " + expected.size() + " events");
        }
        return read;
    }

    private static long sequence(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CloudEventExtensions.header(CloudEventExtensions.SEQUENCE));
        if (header == null) {
            throw new IllegalStateException("A record without ce_subjectseq");
        }
        return Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** A key of this run's own: the relay reads the sealed field's shape, never opens it. */
    private static SealedFieldCipher benchCipher() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return SealedFieldCipher.fromBase64Keys(
                Map.of("bench-1", Base64.getEncoder().encodeToString(key)), "bench-1");
    }
}
