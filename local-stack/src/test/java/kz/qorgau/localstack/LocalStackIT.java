package kz.qorgau.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.infrastructure.InfraEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the local stack exactly as README.md says (./qorgau-local), sees every service healthy,
 * stops it as Ctrl-C would, starts it again on the same data folder and finds the first run's data.
 */
class LocalStackIT {

    private static final EventCodec CODEC = new EventCodec();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    private final Path root = Path.of(System.getProperty("qorgau.repository.root", ".."))
            .toAbsolutePath()
            .normalize();
    private final int portOffset = 20_000 + 100 * ThreadLocalRandom.current().nextInt(150);
    private final LocalStackSettings settings = LocalStackSettings.from(InfraEnvironment.of(Map.of(
            LocalStackSettings.REPOSITORY_ROOT, root.toString(),
            LocalStackSettings.DATA_DIR, "unused",
            LocalStackSettings.PORT_OFFSET, Integer.toString(portOffset))));
    private final List<Process> launched = new ArrayList<>();

    @AfterEach
    void stopWhateverIsLeft() {
        launched.forEach(process -> process.descendants().forEach(ProcessHandle::destroyForcibly));
        launched.forEach(Process::destroyForcibly);
    }

    @Test
    void startsHealthyStopsCleanlyAndKeepsItsDataAcrossRestarts() throws Exception {
        String bootstrap = "127.0.0.1:" + settings.kafkaPort();
        EventEnvelope<OrderIssued> issued = EventEnvelope.of(EventSources.ORDER_SERVICE, 1, exampleOrder());

        Process first = launch("first");
        everyServiceIsHealthy();
        try (var producer = new KafkaProducer<>(
                producerProperties(bootstrap), new StringSerializer(), new CloudEventSerializer())) {
            producer.send(CODEC.toProducerRecord(issued)).get(30, TimeUnit.SECONDS);
        }
        stop(first);

        Process second = launch("second");
        everyServiceIsHealthy();
        assertThat(readAll(bootstrap, Topics.ORDERS.name()))
                .as("the first run's event on the second run's broker")
                .contains(issued.id());
        stop(second);
    }

    private Process launch(String run) throws IOException {
        Path output = dataDir.resolve(run + ".out");
        ProcessBuilder builder = new ProcessBuilder(root.resolve("qorgau-local").toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment()
                .put(LocalStackSettings.DATA_DIR, dataDir.resolve("stack").toString());
        builder.environment().put(LocalStackSettings.PORT_OFFSET, Integer.toString(portOffset));
        Process process = builder.start();
        launched.add(process);
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    String printed = read(output);
                    if (!process.isAlive() && !printed.contains(QorgauLocal.READY_LINE)) {
                        throw new AssertionError("./qorgau-local exited with " + process.exitValue() + ":\n" + printed);
                    }
                    return printed.contains(QorgauLocal.READY_LINE);
                });
        System.out.println(read(output));
        return process;
    }

    private void everyServiceIsHealthy() throws Exception {
        for (ServiceSpec service : settings.services()) {
            HttpResponse<String> health = HTTP.send(
                    HttpRequest.newBuilder(URI.create(service.healthUrl())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(service.name() + " health").isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        }
    }

    /** Ctrl-C: the launcher stops every service and the broker, then exits. */
    private void stop(Process launcher) throws InterruptedException {
        List<ProcessHandle> children = launcher.descendants().toList();
        assertThat(children).as("services and broker run as child processes").hasSizeGreaterThanOrEqualTo(4);
        launcher.destroy();
        assertThat(launcher.waitFor(90, TimeUnit.SECONDS))
                .as("launcher stopped")
                .isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
    }

    private static OrderIssued exampleOrder() throws IOException {
        try (var example = OrderIssued.class.getResourceAsStream("/" + EventTypes.ORDER_ISSUED.exampleResource())) {
            return CODEC.readData(EventTypes.ORDER_ISSUED, example.readAllBytes());
        }
    }

    /** The ids of the events on a topic, read from the beginning with a plain consumer. */
    private static List<UUID> readAll(String bootstrap, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "local-stack-it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<UUID> ids = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, CloudEvent>(
                properties, new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500))
                        .forEach(record ->
                                ids.add(CODEC.fromConsumerRecord(record).id()));
                return !ids.isEmpty();
            });
        }
        return ids;
    }

    private static Properties producerProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return properties;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
