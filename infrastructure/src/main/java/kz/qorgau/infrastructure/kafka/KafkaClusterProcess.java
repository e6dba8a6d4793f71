package kz.qorgau.infrastructure.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import kz.qorgau.infrastructure.PortAllocator;
import kz.qorgau.infrastructure.Source;
import kz.qorgau.infrastructure.process.InParallel;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka cluster of several {@link KafkaBrokerProcess} nodes on this machine, the shape of {@code
 * docker-compose.cluster.yml} (docs/adr/0034): each node a broker and a controller of one static KRaft quorum
 * ({@code controller.quorum.voters} naming them all, one cluster id), replication factor {@value
 * #REPLICATION_FACTOR} and {@code min.insync.replicas} {@value #MIN_INSYNC_REPLICAS} for the services' topics
 * (created with the brokers' defaults, docs/adr/0005) and Kafka's internal ones alike. Each node keeps its
 * data in {@code dataDir/node-<id>} (the cluster id in {@code dataDir/cluster.id}) and can be stopped, killed
 * and started again on its own, like a machine of a real cluster: with one node away every partition still
 * has two in-sync replicas, so {@code acks=all} writes go on.
 */
public final class KafkaClusterProcess implements AutoCloseable {

    public static final int REPLICATION_FACTOR = 3;
    public static final int MIN_INSYNC_REPLICAS = 2;

    private final List<KafkaBrokerProcess> nodes;

    private KafkaClusterProcess(List<KafkaBrokerProcess> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** A builder for a cluster whose nodes keep their data under {@code dataDir}. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /**
     * Starts every node that is not running, all at once (a node answers only once the quorum has a leader,
     * which needs a majority of the voters), and waits until each answers.
     */
    public KafkaClusterProcess start() {
        onEachNode(node -> {
            if (!node.isRunning()) {
                node.start();
            }
        });
        return this;
    }

    /** Stops every node gracefully, all at once (one by one, the last ones would wait for a lost quorum). */
    public void stop() {
        onEachNode(KafkaBrokerProcess::stop);
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** The node with this {@code node.id} (1 to the number of nodes), to stop, kill or start on its own. */
    public KafkaBrokerProcess node(int nodeId) {
        if (nodeId < 1 || nodeId > nodes.size()) {
            throw new IllegalArgumentException("No node " + nodeId + " in a cluster of " + nodes.size());
        }
        return nodes.get(nodeId - 1);
    }

    public List<KafkaBrokerProcess> nodes() {
        return nodes;
    }

    /** Every node's client address, stopped ones included: a client finds the live ones among them. */
    public String bootstrapServers() {
        return nodes.stream().map(KafkaBrokerProcess::bootstrapServers).collect(Collectors.joining(","));
    }

    /** This cluster as a discovery result ({@link Source#CHILD_PROCESS}). */
    public KafkaEndpoint endpoint() {
        return new KafkaEndpoint(bootstrapServers(), Source.CHILD_PROCESS);
    }

    @Override
    public String toString() {
        return "KafkaClusterProcess" + nodes;
    }

    private void onEachNode(Consumer<KafkaBrokerProcess> action) {
        InParallel.forEach(nodes, action);
    }

    /** Settings of a {@link KafkaClusterProcess}. */
    public static final class Builder {

        private final Path dataDir;
        private int size = 3;
        private String maxHeap = "384m";
        private Duration startTimeout = Duration.ofSeconds(120);
        private final Map<String, String> extraProperties = new LinkedHashMap<>();

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        /** How many nodes (default 3, at least {@value KafkaClusterProcess#REPLICATION_FACTOR}). */
        public Builder size(int size) {
            if (size < REPLICATION_FACTOR) {
                throw new IllegalArgumentException("A cluster has at least " + REPLICATION_FACTOR + " nodes: " + size);
            }
            this.size = size;
            return this;
        }

        /** Each node's maximum heap (default 384m: three of them run beside the services). */
        public Builder maxHeap(String maxHeap) {
            this.maxHeap = Objects.requireNonNull(maxHeap, "maxHeap");
            return this;
        }

        /** How long each node's start may take (default 120 s: the nodes start together on a small machine). */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
            return this;
        }

        /** Adds or overrides one property of every node's {@code server.properties}. */
        public Builder brokerProperty(String key, String value) {
            extraProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The nodes, on free ports taken now and kept for the cluster's life (a restarted node comes back
         * where its peers and clients expect it), with one new cluster id.
         */
        public KafkaClusterProcess build() {
            int[] ports = PortAllocator.freePorts(2 * size);
            List<String> voters = new ArrayList<>();
            for (int id = 1; id <= size; id++) {
                voters.add(id + "@" + KafkaBrokerProcess.HOST + ":" + ports[2 * id - 1]);
            }
            String clusterId = clusterId();
            List<KafkaBrokerProcess> nodes = new ArrayList<>();
            for (int id = 1; id <= size; id++) {
                KafkaBrokerProcess.Builder node = KafkaBrokerProcess.builder(dataDir.resolve("node-" + id))
                        .nodeId(id)
                        .port(ports[2 * id - 2])
                        .controllerPort(ports[2 * id - 1])
                        .quorumVoters(String.join(",", voters))
                        .clusterId(clusterId)
                        .replication(REPLICATION_FACTOR, MIN_INSYNC_REPLICAS)
                        .maxHeap(maxHeap)
                        .startTimeout(startTimeout);
                extraProperties.forEach(node::brokerProperty);
                nodes.add(node.build());
            }
            return new KafkaClusterProcess(nodes);
        }

        /** The id kept in {@code dataDir/cluster.id}, made on the first build, so a kept cluster starts again. */
        private String clusterId() {
            Path file = dataDir.resolve("cluster.id");
            try {
                if (Files.exists(file)) {
                    return Files.readString(file, StandardCharsets.UTF_8).strip();
                }
                String id = Uuid.randomUuid().toString();
                Files.createDirectories(dataDir);
                Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
                return id;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not keep the cluster id in " + file, e);
            }
        }
    }
}
