package kz.qorgau.infrastructure.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kz.qorgau.infrastructure.InfrastructureException;
import kz.qorgau.infrastructure.PortAllocator;
import kz.qorgau.infrastructure.Source;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real broker in a child JVM, shared by the tests of this class, stopped, killed and restarted. */
class KafkaBrokerProcessTest {

    private static final List<String> KEYS = List.of("order-1", "order-2", "order-3", "order-4", "order-5");
    private static final int RECORDS_PER_KEY = 40;

    @TempDir
    static Path dataDir;

    private static KafkaBrokerProcess broker;

    @BeforeAll
    static void startBroker() {
        int[] ports = PortAllocator.freePorts(2);
        broker = KafkaBrokerProcess.builder(dataDir)
                .port(ports[0])
                .controllerPort(ports[1])
                .build();
        long started = System.nanoTime();
        broker.start();
        System.out.printf("Broker first start (format + start): %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stopBroker() throws IOException {
        if (broker != null) {
            broker.stop();
            System.out.println("---- " + broker.logFile() + " ----");
            System.out.println(Files.readString(broker.logFile()));
        }
    }

    @BeforeEach
    void brokerIsUp() {
        if (!broker.isRunning()) {
            broker.start();
        }
    }

    @Test
    void aGracefulRestartKeepsTopicsAndRecordsInOrderPerKey() throws Exception {
        String clusterId = broker.clusterId();
        createTopic("orders.restart", 3);
        Map<String, List<String>> sent = produce("orders.restart");

        long stopping = System.nanoTime();
        broker.stop();
        long stopped = System.nanoTime();
        assertDown();

        broker.start();
        long restarted = System.nanoTime();
        System.out.printf(
                "Graceful stop: %d ms, restart: %d ms%n",
                (stopped - stopping) / 1_000_000, (restarted - stopped) / 1_000_000);

        assertThat(broker.clusterId()).isEqualTo(clusterId);
        assertThat(partitions("orders.restart")).isEqualTo(3);
        assertThat(readAll("orders.restart", KEYS.size() * RECORDS_PER_KEY)).isEqualTo(sent);
    }

    @Test
    void recordsAcknowledgedByAllBeforeAKillAreStillThereAfterARestart() throws Exception {
        createTopic("orders.kill", 3);
        Map<String, List<String>> sent = produce("orders.kill");
        long pid = broker.pid().orElseThrow();

        broker.kill();
        assertDown();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));

        long restarting = System.nanoTime();
        broker.start();
        System.out.printf("Restart after kill: %d ms%n", (System.nanoTime() - restarting) / 1_000_000);

        assertThat(partitions("orders.kill")).isEqualTo(3);
        assertThat(readAll("orders.kill", KEYS.size() * RECORDS_PER_KEY)).isEqualTo(sent);
    }

    @Test
    void aTakenPortFailsTheStartWithOneClearSentence(@TempDir Path otherDir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            KafkaBrokerProcess second = KafkaBrokerProcess.builder(otherDir)
                    .port(taken.getLocalPort())
                    .controllerPort(PortAllocator.freePort())
                    .build();

            assertThatThrownBy(second::start)
                    .isInstanceOf(InfrastructureException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .hasMessageNotContaining("\n");
            assertThat(second.isRunning()).isFalse();
        }
    }

    @Test
    void aBrokerThatCannotStartFailsWithTheTailOfItsLog(@TempDir Path otherDir) {
        int[] ports = PortAllocator.freePorts(2);
        KafkaBrokerProcess broken = KafkaBrokerProcess.builder(otherDir)
                .port(ports[0])
                .controllerPort(ports[1])
                .brokerProperty("num.partitions", "zero")
                .build();

        assertThatThrownBy(broken::start)
                .isInstanceOf(InfrastructureException.class)
                .hasMessageContaining(broken.logFile().toString())
                .hasMessageContaining("num.partitions");
        assertThat(broken.isRunning()).isFalse();
    }

    @Test
    void theDataFolderHoldsTheBrokerFilesAndTheLog() throws IOException {
        assertThat(broker.endpoint()).isEqualTo(new KafkaEndpoint(broker.bootstrapServers(), Source.CHILD_PROCESS));
        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
        assertThat(dataDir.resolve("kraft-combined-logs/meta.properties")).exists();
        assertThat(dataDir.resolve("cluster.id")).content().contains(broker.clusterId());
        assertThat(broker.logFile()).exists();
        assertThat(Files.readString(broker.logFile())).contains("Kafka Server started");
        assertThat(ProcessHandle.of(broker.pid().orElseThrow())
                        .flatMap(handle -> handle.info().commandLine()))
                .hasValueSatisfying(
                        command -> assertThat(command).contains("kafka.Kafka", "server.properties", "-Xmx512m"));
    }

    @Test
    void theChildClasspathHasTheKafkaServerAndOneLoggingProviderOnly() {
        Set<String> jars = BrokerClasspath.jars().stream()
                .map(jar -> jar.getFileName().toString())
                .collect(Collectors.toSet());

        assertThat(jars)
                .anyMatch(jar -> jar.startsWith("kafka_2.13-4.1.2"))
                .anyMatch(jar -> jar.startsWith("kafka-clients-4.1.2"))
                .anyMatch(jar -> jar.startsWith("log4j-slf4j2-impl-"))
                .noneMatch(jar -> jar.startsWith("logback-")
                        || jar.startsWith("slf4j-simple")
                        || jar.startsWith("slf4j-reload4j")
                        || jar.startsWith("log4j-slf4j-impl")
                        || jar.startsWith("testcontainers")
                        || jar.startsWith("postgresql")
                        || jar.startsWith("greenmail")
                        || jar.startsWith("junit"));
    }

    // ---------------------------------------------------------------------------------------------

    private static void assertDown() {
        assertThat(broker.isRunning()).isFalse();
        assertThat(broker.pid()).isEmpty();
        assertThat(PortAllocator.isListening("127.0.0.1", broker.port(), Duration.ofMillis(500)))
                .isFalse();
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static int partitions(String topic) throws Exception {
        try (Admin admin = admin()) {
            TopicDescription description = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic);
            return description.partitions().size();
        }
    }

    /** Sends RECORDS_PER_KEY records for each key, interleaved, with acks=all; returns the values per key. */
    private static Map<String, List<String>> produce(String topic) throws Exception {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = 0; i < RECORDS_PER_KEY; i++) {
                for (String key : KEYS) {
                    String value = key + "#" + i;
                    acks.add(producer.send(new ProducerRecord<>(topic, key, value)));
                    sent.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                }
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                assertThat(ack.get(30, TimeUnit.SECONDS).hasOffset()).isTrue();
            }
        }
        return sent;
    }

    /** Reads every partition of {@code topic} from the start; the values per key in the order read. */
    private static Map<String, List<String>> readAll(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        Map<String, List<String>> read = new LinkedHashMap<>();
        Map<String, Set<Integer>> partitionsPerKey = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            for (ConsumerRecord<String, String> record : records) {
                read.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record.value());
                partitionsPerKey
                        .computeIfAbsent(record.key(), k -> new java.util.HashSet<>())
                        .add(record.partition());
            }
        }
        assertThat(partitionsPerKey.values()).allSatisfy(set -> assertThat(set).hasSize(1));
        return read;
    }
}
