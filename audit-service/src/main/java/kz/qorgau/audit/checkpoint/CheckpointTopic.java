package kz.qorgau.audit.checkpoint;

import java.util.Map;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * audit-service owns the checkpoint topic (docs/adr/0005, 0023): a copy of every checkpoint outside the
 * audit database, kept forever. audit-service writes it and never reads it as a group member; it is not
 * in the event catalogue, so the trail's listener does not append it.
 */
@Configuration(proxyBeanMethods = false)
public class CheckpointTopic {

    /** The topic's name, before the namespace. */
    public static final String NAME = "qorgau.audit-checkpoints";

    @Bean
    KafkaAdmin.NewTopics checkpointTopics(QorgauKafkaProperties kafka) {
        return new KafkaAdmin.NewTopics(new NewTopic(name(kafka), 1, (short) -1)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.CLEANUP_POLICY_CONFIG, "delete")));
    }

    /** The topic's name in this instance's namespace. */
    public static String name(QorgauKafkaProperties kafka) {
        return Topics.inNamespace(kafka.namespace(), NAME);
    }
}
