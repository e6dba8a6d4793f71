package kz.qorgau.audit.restore;

import java.time.Duration;
import java.util.Map;
import kz.qorgau.audit.checkpoint.TopicReader;
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

    /** The largest sequence among the topic's last records (a writer may copy one twice); 0 when it has none. */
    static long lastSequence(String bootstrapServers, String topic, Duration timeout) {
        long[] last = {0};
        TopicReader.read(bootstrapServers, topic, 100, timeout, record -> {
            try {
                last[0] = Math.max(last[0], Long.parseLong(record.key()));
            } catch (NumberFormatException e) {
                // Not an entry: the restore check, reading the whole topic, says so.
            }
        });
        return last[0];
    }

    /** The topic's name in this instance's namespace.*/
    public static String name(QorgauKafkaProperties kafka) {
        return Topics.inNamespace(kafka.namespace(), NAME);
    }
}
