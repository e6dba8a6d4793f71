package kz.qorgau.audit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.qorgau.events.catalog.TopicSpec;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.infrastructure.kafka.KafkaEndpoint;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Every catalogued topic and its dead-letter topic in a test's namespace. In production the
 * producing services create them (docs/adr/0005); in audit-service's tests nobody else does.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CatalogueTopics {

    @Bean
    KafkaAdmin.NewTopics catalogueTopics(QorgauKafkaProperties kafka) {
        return new KafkaAdmin.NewTopics(all(kafka.namespace()).toArray(NewTopic[]::new));
    }

    static List<NewTopic> all(String namespace) {
        return Topics.all().stream()
                .flatMap((TopicSpec topic) ->
                        java.util.stream.Stream.of(topic.newTopic(namespace), topic.newDeadLetterTopic(namespace)))
                .toList();
    }

    /** Creates them with an admin client, for tests that start the service outside a test context. */
    public static void create(KafkaEndpoint kafka, String namespace) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(all(namespace)).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create the catalogue's topics", e);
        }
    }
}
