package kz.qorgau.audit.restore;

import java.util.Map;
import kz.qorgau.audit.platform.AuditProperties;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * audit-service owns the log topic (docs/adr/0005, 0032): every entry exactly as stored, in sequence, kept for
 * {@code qorgau.audit.restore.mirror-retention}. Not in the event catalogue, so the trail does not append it;
 * read only without a consumer group, when a restored database is brought up to date.
 */
@Configuration(proxyBeanMethods = false)
public class LogTopic {

    /** The topic's name, before the namespace. */
    public static final String NAME = "qorgau.audit-log";

    @Bean
    KafkaAdmin.NewTopics logTopics(QorgauKafkaProperties kafka, AuditProperties properties) {
        return new KafkaAdmin.NewTopics(new NewTopic(name(kafka), 1, (short) -1)
                .configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(properties.restore().mirrorRetention().toMillis()),
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        "delete")));
    }

    /** The topic's name in this instance's namespace. */
    public static String name(QorgauKafkaProperties kafka) {
        return Topics.inNamespace(kafka.namespace(), NAME);
    }
}
