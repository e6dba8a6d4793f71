package kz.qorgau.localstack;

import static kz.qorgau.localstack.LocalStackLauncher.as;
import static kz.qorgau.localstack.LocalStackLauncher.http;
import static kz.qorgau.localstack.LocalStackLauncher.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kz.qorgau.events.NotificationSent;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.infrastructure.EnvNames;
import kz.qorgau.infrastructure.kafka.KafkaBrokerProcess;
import kz.qorgau.infrastructure.kafka.KafkaClusterProcess;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three-broker topology of docker-compose.cluster.yml on this machine (docs/adr/0034): three KRaft
 * nodes as child processes, and ./qorgau-local's services pointed at them (the launcher starts no broker of
 * its own when {@code QORGAU_KAFKA_BOOTSTRAP_SERVERS} names one). Every topic, the services' and Kafka's own,
 * has replication factor 3 and {@code min.insync.replicas} 2. The node that is the active controller (and
 * leads partitions of qorgau.orders) is killed with SIGKILL while orders are being issued: every order is
 * still published exactly once, notified and audited exactly once, and the node rejoins every ISR when it
 * starts again.
 */
class ThreeBrokerClusterIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ORDERS_BEFORE = 4;
    /**
     * Issued right after the kill, while the cluster elects leaders and shrinks the ISRs: at least this many,
     * and until {@value #MOVED_LEADER_ORDERS} of them go to partitions whose leader was killed.
     */
    private static final int ORDERS_AFTER = 8;

    private static final int MOVED_LEADER_ORDERS = 3;
    /** Two issuing personas of the district, each well within its 30 changes a minute. */
    private static final List<String> ISSUERS = List.of("officer-a", "supervisor-a");
    /** A broker's session (4 s), the leaders' election, the relay's next round and the consumers' fetch. */
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(90);

    // Kept when the test fails, for the logs the failure names.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    private final LocalStackLauncher launcher = new LocalStackLauncher(RepositoryFiles.ROOT);
    private KafkaClusterProcess cluster;

    @AfterEach
    void stopEverything() {
        launcher.stopWhateverIsLeftAndDropTheDatabases();
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Test
    void ordersAreIssuedPublishedAndAuditedWhileOneOfThreeBrokersIsDown() throws Exception {
        long begin = System.nanoTime();
        cluster = KafkaClusterProcess.builder(dataDir.resolve("kafka-cluster")).build();
        cluster.start();
        lap("3 brokers up", begin);
        Process stack = launcher.launch(
                dataDir,
                "stack",
                Map.of(
                        // Started once: class-data sharing (LocalStackIT's part) would only cost its extraction.
                        LocalStackSettings.SHARED_CLASSES,
                        "off",
                        EnvNames.QORGAU_KAFKA_BOOTSTRAP_SERVERS,
                        cluster.bootstrapServers(),
                        LocalStackSettings.WITH_PROMETHEUS,
                        "off"));
        assertThat(LocalStackLauncher.read(dataDir.resolve("stack.out")))
                .as("the launcher uses the cluster, not a broker of its own")
                .contains(cluster.bootstrapServers() + " (ENVIRONMENT)");
        lap("services up", begin);
        Map<String, String> tokens = launcher.everyPersonaGetsAToken();
        String order = LocalStackLauncher.walkThroughOrder(RepositoryFiles.ROOT);

        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < ORDERS_BEFORE; i++) {
            orderIds.add(issue(tokens, ISSUERS.get(i % 2), order));
        }
        // Published and audited: the relay's transactions, the consumer groups and their offsets are in use.
        awaitPublishedNotifiedAndAuditedOnce(orderIds, tokens);
        lap(ORDERS_BEFORE + " orders audited", begin);

        try (Admin admin = admin()) {
            everyTopicHasThreeReplicasAndMinInsyncTwo(admin);

            int victim = admin.describeMetadataQuorum()
                    .quorumInfo()
                    .get(10, TimeUnit.SECONDS)
                    .leaderId();
            Map<Integer, Integer> leaders = leadersOf(admin, Topics.ORDERS_TOPIC);
            Set<Integer> ledByVictim = leaders.entrySet().stream()
                    .filter(leader -> leader.getValue() == victim)
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            assertThat(ledByVictim)
                    .as("the active controller also leads partitions of " + Topics.ORDERS_TOPIC)
                    .isNotEmpty();
            KafkaBrokerProcess killed = cluster.node(victim);
            killed.kill();
            assertThat(killed.isRunning()).isFalse();
            lap("killed node " + victim + " (the active controller, leader of partitions " + ledByVictim + ")", begin);

            // The relay keys each event by its order (the producer's default partitioner), so the partition an
            // order goes to is known: issue until some go where a new leader must take over.
            List<String> afterKill = new ArrayList<>();
            List<String> toMovedLeaders = new ArrayList<>();
            while ((afterKill.size() < ORDERS_AFTER || toMovedLeaders.size() < MOVED_LEADER_ORDERS)
                    && afterKill.size() < 40) {
                String orderId = issue(tokens, ISSUERS.get(afterKill.size() % 2), order);
                afterKill.add(orderId);
                if (ledByVictim.contains(partitionOf(orderId, leaders.size()))) {
                    toMovedLeaders.add(orderId);
                }
            }
            assertThat(toMovedLeaders).hasSizeGreaterThanOrEqualTo(MOVED_LEADER_ORDERS);
            orderIds.addAll(afterKill);
            Map<String, Integer> partitions = awaitPublishedNotifiedAndAuditedOnce(orderIds, tokens);
            assertThat(toMovedLeaders)
                    .as("orders published to the partitions the killed node led")
                    .allSatisfy(orderId -> assertThat(partitions.get(orderId)).isIn(ledByVictim));
            lap(
                    afterKill.size() + " more orders (" + toMovedLeaders.size() + " to the killed node's partitions)"
                            + " published and audited with node " + victim + " down",
                    begin);

            // The writes went on with two in-sync replicas, the minimum: the dead node is in no ISR and leads nothing.
            // (A partition nobody wrote to may shrink its ISR a moment later than the others.)
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(
                            () -> assertThat(partitions(describeAll(admin))).allSatisfy(partition -> {
                                assertThat(partition.replicas()).hasSize(3);
                                assertThat(ids(partition.isr())).hasSize(2).doesNotContain(victim);
                                assertThat(partition.leader()).isNotNull();
                                assertThat(partition.leader().id()).isNotEqualTo(victim);
                            }));

            killed.start();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(partitions(describeAll(admin)))
                            .allSatisfy(partition -> assertThat(ids(partition.isr()))
                                    .contains(victim)
                                    .hasSize(3)));
            lap("node " + victim + " back in every ISR", begin);
        }
        launcher.stop(stack);
        lap("stopped", begin);
    }

    /** Issues the walk-through's order as {@code persona}; answers its id. */
    private String issue(Map<String, String> tokens, String persona, String order) throws Exception {
        HttpResponse<String> created = http(as(
                tokens,
                persona,
                post(orderApi() + "/orders", order)
                        .header("Idempotency-Key", UUID.randomUUID().toString())));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asString();
    }

    /**
     * Waits until each order's OrderIssued is on qorgau.orders, its notices' outcomes on qorgau.notifications
     * and its audit entry in the trail; then checks that nothing came twice: one OrderIssued per order, no
     * event id twice on either topic (read committed, as the services read), one audit entry per issue.
     * Answers the partition of each order's OrderIssued.
     */
    private Map<String, Integer> awaitPublishedNotifiedAndAuditedOnce(List<String> orderIds, Map<String, String> tokens)
            throws Exception {
        try (EventTopicReader orders = EventTopicReader.open(cluster.endpoint(), Topics.ORDERS_TOPIC);
                EventTopicReader notifications =
                        EventTopicReader.open(cluster.endpoint(), Topics.NOTIFICATIONS_TOPIC)) {
            await().atMost(DELIVERY_WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(subjects(orders.drain(Duration.ofMillis(200)), OrderIssued.TYPE))
                        .as("orders issued on " + Topics.ORDERS_TOPIC)
                        .containsAll(orderIds);
                assertThat(subjects(notifications.drain(Duration.ofMillis(200)), NotificationSent.TYPE))
                        .as("orders notified on " + Topics.NOTIFICATIONS_TOPIC)
                        .containsAll(orderIds);
            });
            // A little longer, so that a second copy of an event (a double publish) would show.
            List<ConsumerRecord<String, byte[]>> records = orders.drain(Duration.ofSeconds(2));
            List<EventEnvelope<QorgauEvent>> published = decode(records);
            assertThat(published.stream().filter(event -> event.type().equals(OrderIssued.TYPE)))
                    .extracting(EventEnvelope::subject)
                    .as("one OrderIssued per order")
                    .containsExactlyInAnyOrderElementsOf(orderIds);
            assertThat(published).extracting(EventEnvelope::id).doesNotHaveDuplicates();
            assertThat(decode(notifications.drain(Duration.ZERO)))
                    .extracting(EventEnvelope::id)
                    .doesNotHaveDuplicates();
            Map<String, UUID> issueEvents = published.stream()
                    .filter(event -> event.type().equals(OrderIssued.TYPE))
                    .collect(Collectors.toMap(EventEnvelope::subject, EventEnvelope::id));
            await().atMost(DELIVERY_WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                for (String orderId : orderIds) {
                    assertThat(launcher.auditEntriesOf(orderId, tokens))
                            .as("audit entries of order " + orderId)
                            .filteredOn(entry -> entry.get("type").asString().equals(OrderIssued.TYPE))
                            .extracting(entry -> entry.get("eventId").asString())
                            .containsExactly(issueEvents.get(orderId).toString());
                }
            });
            Map<String, Integer> partitions = new LinkedHashMap<>();
            records.stream()
                    .filter(record -> EventTopicReader.decode(record).type().equals(OrderIssued.TYPE))
                    .forEach(record -> partitions.put(record.key(), record.partition()));
            return partitions;
        }
    }

    private static Set<String> subjects(List<ConsumerRecord<String, byte[]>> records, String type) {
        return decode(records).stream()
                .filter(event -> event.type().equals(type))
                .map(EventEnvelope::subject)
                .collect(Collectors.toSet());
    }

    private static List<EventEnvelope<QorgauEvent>> decode(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(EventTopicReader::decode).toList();
    }

    /**
     * Every topic, the services' (created with the brokers' defaults, docs/adr/0005) and Kafka's internal
     * ones (consumer offsets, transactions), has three replicas on three nodes and {@code min.insync.replicas} 2.
     */
    private void everyTopicHasThreeReplicasAndMinInsyncTwo(Admin admin) throws Exception {
        Map<String, TopicDescription> topics = describeAll(admin);
        assertThat(topics.keySet())
                .contains(
                        Topics.ORDERS_TOPIC,
                        Topics.ACCESS_TOPIC,
                        Topics.NOTIFICATIONS_TOPIC,
                        "__consumer_offsets",
                        "__transaction_state");
        assertThat(partitions(topics)).allSatisfy(partition -> {
            assertThat(ids(partition.replicas())).containsExactlyInAnyOrder(1, 2, 3);
            assertThat(partition.isr()).hasSize(3);
        });
        List<ConfigResource> resources = topics.keySet().stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                .toList();
        Map<ConfigResource, Config> configs =
                admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
        Map<String, String> minInsync = new LinkedHashMap<>();
        configs.forEach((resource, config) -> minInsync.put(
                resource.name(),
                config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()));
        assertThat(minInsync).as("min.insync.replicas by topic").allSatisfy((topic, value) -> assertThat(value)
                .isEqualTo(Integer.toString(KafkaClusterProcess.MIN_INSYNC_REPLICAS)));
        System.out.printf(
                "%d topics, each with 3 replicas and min.insync.replicas 2: %s%n", topics.size(), topics.keySet());
    }

    private static Map<String, TopicDescription> describeAll(Admin admin) throws Exception {
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true))
                .names()
                .get(30, TimeUnit.SECONDS);
        return admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
    }

    private static List<TopicPartitionInfo> partitions(Map<String, TopicDescription> topics) {
        return topics.values().stream()
                .flatMap(topic -> topic.partitions().stream())
                .toList();
    }

    /** The leader of each partition of {@code topic}, by partition. */
    private static Map<Integer, Integer> leadersOf(Admin admin, String topic) throws Exception {
        return admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .stream()
                .collect(Collectors.toMap(
                        TopicPartitionInfo::partition,
                        partition -> partition.leader().id()));
    }

    /** The partition Kafka's default partitioner gives a record keyed by {@code key}, as the relay sends it. */
    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static List<Integer> ids(Collection<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    private String orderApi() {
        return launcher.service("order-service").apiUrl();
    }

    private static void lap(String what, long begin) {
        System.out.printf("[%5.1f s] %s%n", (System.nanoTime() - begin) / 1e9, what);
    }
}
