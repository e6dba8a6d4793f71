package kz.qorgau.infrastructure.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration of a cluster's nodes, without starting them; ThreeBrokerClusterIT (local-stack) runs a
 * cluster under the services and kills one of its nodes.
 */
class KafkaClusterProcessTest {

    @TempDir
    Path dataDir;

    @Test
    void everyNodeIsAVoterOfOneStaticQuorumWithReplicationThreeAndMinInsyncTwo() {
        KafkaClusterProcess cluster = KafkaClusterProcess.builder(dataDir).build();

        List<Map<String, String>> nodes = cluster.nodes().stream()
                .map(KafkaBrokerProcess::serverProperties)
                .toList();
        assertThat(nodes).hasSize(3);
        assertThat(nodes).extracting(node -> node.get("node.id")).containsExactly("1", "2", "3");
        String voters = nodes.get(0).get("controller.quorum.voters");
        assertThat(voters.split(","))
                .containsExactly(
                        "1@127.0.0.1:" + cluster.node(1).controllerPort(),
                        "2@127.0.0.1:" + cluster.node(2).controllerPort(),
                        "3@127.0.0.1:" + cluster.node(3).controllerPort());
        assertThat(nodes).allSatisfy(node -> {
            assertThat(node.get("process.roles")).isEqualTo("broker,controller");
            assertThat(node.get("controller.quorum.voters")).isEqualTo(voters);
            assertThat(node)
                    .containsEntry("default.replication.factor", "3")
                    .containsEntry("min.insync.replicas", "2")
                    .containsEntry("offsets.topic.replication.factor", "3")
                    .containsEntry("transaction.state.log.replication.factor", "3")
                    .containsEntry("transaction.state.log.min.isr", "2");
        });
        assertThat(cluster.nodes())
                .extracting(KafkaBrokerProcess::dataDir)
                .containsExactly(dataDir.resolve("node-1"), dataDir.resolve("node-2"), dataDir.resolve("node-3"));
        assertThat(cluster.bootstrapServers())
                .isEqualTo(cluster.nodes().stream()
                        .map(KafkaBrokerProcess::bootstrapServers)
                        .reduce((a, b) -> a + "," + b)
                        .orElseThrow());
    }

    @Test
    void aClusterBuiltAgainOnItsDataFolderKeepsItsClusterId() throws Exception {
        KafkaClusterProcess.builder(dataDir).build();
        String first = Files.readString(dataDir.resolve("cluster.id")).strip();

        KafkaClusterProcess.builder(dataDir).build();

        assertThat(Uuid.fromString(first)).isNotNull();
        assertThat(Files.readString(dataDir.resolve("cluster.id")).strip()).isEqualTo(first);
    }

    @Test
    void aSingleBrokerStaysAQuorumOfItselfWithReplicationOne() {
        KafkaBrokerProcess broker = KafkaBrokerProcess.builder(dataDir)
                .port(20001)
                .controllerPort(20002)
                .build();

        assertThat(broker.serverProperties())
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:20002")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1");
        assertThatThrownBy(() -> KafkaBrokerProcess.builder(dataDir).replication(2, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KafkaClusterProcess.builder(dataDir).size(2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
