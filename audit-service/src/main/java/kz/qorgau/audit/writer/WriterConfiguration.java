package kz.qorgau.audit.writer;

import kz.qorgau.audit.platform.AuditProperties;
import kz.qorgau.kit.leader.LeaderSessions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** The single writer: its lock on a dedicated session of the kit's leader sessions. */
@Configuration(proxyBeanMethods = false)
class WriterConfiguration {

    /**
     * Sessions with the service's own database settings (the runtime role), outside the pool: the writer
     * session lives as long as the lock, which a pool's housekeeping must not touch. PostgreSQL ends a
     * session that stays silent for the lease (docs/adr/0013-leader-sessions.md): a frozen or cut-off writer
     * loses the lock within it. Shows as "audit-service writer" in pg_stat_activity.
     */
    @Bean
    LeaderSessions writerSessions(JdbcConnectionDetails database, AuditProperties properties) {
        return new LeaderSessions(
                database, "audit-service writer", properties.writer().lease());
    }

    @Bean
    WriterLeadership writerLeadership(
            LeaderSessions writerSessions,
            KafkaListenerEndpointRegistry listeners,
            AuditProperties properties,
            ObjectProvider<WriterStartCheck> startChecks) {
        return new WriterLeadership(
                writerSessions,
                listeners,
                properties.writer().checkInterval(),
                startChecks.orderedStream().toList());
    }
}
