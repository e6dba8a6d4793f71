package kz.qorgau.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.qorgau.infrastructure.kafka.KafkaEndpoint;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

/** Checks topics on the real broker, as an operator would with kafka-topics.sh. */
public final class TopicAssertions {

    private TopicAssertions() {}

    /** Waits until the topic exists, then checks its partitions and, when given, its retention. */
    public static void assertTopic(KafkaEndpoint kafka, String topic, int partitions, Duration retention) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(() ->
                            admin.listTopics().names().get(5, TimeUnit.SECONDS).contains(topic));
            TopicDescription description = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get(topic);
            assertThat(description.partitions()).as(topic + " partitions").hasSize(partitions);
            if (retention != null) {
                var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                var config = admin.describeConfigs(List.of(resource))
                        .all()
                        .get(10, TimeUnit.SECONDS)
                        .get(resource);
                assertThat(config.get("retention.ms").value())
                        .as(topic + " retention.ms")
                        .isEqualTo(Long.toString(retention.toMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("Could not describe " + topic, e);
        }
    }
}
