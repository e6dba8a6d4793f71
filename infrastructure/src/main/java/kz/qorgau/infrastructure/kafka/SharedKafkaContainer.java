package kz.qorgau.infrastructure.kafka;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers Kafka broker, started at most once per JVM (on first use) and never stopped here:
 * Testcontainers' reaper (Ryuk) removes it when the JVM ends. A class of its own so that Testcontainers'
 * Kafka classes load only when Docker is used.
 */
final class SharedKafkaContainer {

    private static KafkaContainer container;

    private SharedKafkaContainer() {}

    static synchronized String bootstrapServers() {
        if (container == null) {
            KafkaContainer started = new KafkaContainer(DockerImageName.parse(KafkaDiscovery.KAFKA_IMAGE))
                    .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                    .withEnv("KAFKA_NUM_PARTITIONS", "6")
                    .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
            started.start();
            container = started;
        }
        return container.getBootstrapServers();
    }
}
