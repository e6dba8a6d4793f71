package kz.qorgau.audit.platform;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two roles (docs/adr/0008): Flyway migrates as the owner ({@code spring.flyway.user}), which
 * grants the runtime role ({@code spring.datasource.username}) SELECT and INSERT on {@code
 * audit_entry} and nothing else; the service runs as the runtime role.
 */
@Configuration(proxyBeanMethods = false)
class AuditDatabaseConfiguration {

    /** The Flyway placeholder that names the runtime role in {@code R__audit_runtime_role.sql}. */
    static final String RUNTIME_ROLE_PLACEHOLDER = "runtime_role";

    @Bean
    FlywayConfigurationCustomizer runtimeRoleGrant(AuditProperties properties, DataSourceProperties dataSource) {
        String role = properties.database().runtimeRole().isEmpty()
                ? dataSource.determineUsername()
                : properties.database().runtimeRole();
        if (!AuditProperties.Database.isPlainRoleName(role)) {
            throw new IllegalStateException("The audit runtime role must be a lower-case SQL identifier;"
                    + " set qorgau.audit.database.runtime-role");
        }
        return configuration -> {
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.put(RUNTIME_ROLE_PLACEHOLDER, role);
            configuration.placeholders(placeholders);
        };
    }

    @Bean
    RuntimeRoleCheck runtimeRoleCheck(JdbcClient jdbc, AuditProperties properties) {
        return new RuntimeRoleCheck(jdbc, properties.database().requireRestrictedRole());
    }

    /**
     * Says so when the service's own role could change the trail (it owns the table or holds
     * UPDATE, DELETE or TRUNCATE); then only the trigger protects it. Refuses to start if told to.
     */
    static final class RuntimeRoleCheck implements InitializingBean {

        private static final Logger log = LoggerFactory.getLogger(RuntimeRoleCheck.class);

        private final JdbcClient jdbc;
        private final boolean required;

        RuntimeRoleCheck(JdbcClient jdbc, boolean required) {
            this.jdbc = jdbc;
            this.required = required;
        }

        @Override
        public void afterPropertiesSet() {
            boolean canChange = jdbc.sql(
                            """
                            SELECT pg_has_role(current_user, c.relowner, 'USAGE')
                                OR has_table_privilege(c.oid, 'UPDATE, DELETE, TRUNCATE')
                              FROM pg_class c
                             WHERE c.oid = 'audit_entry'::regclass
                            """)
                    .query(Boolean.class)
                    .single();
            if (!canChange) {
                return;
            }
            String message = "The service's database role could change audit_entry (it owns the table or may"
                    + " UPDATE, DELETE or TRUNCATE it); only the trigger protects the trail. Run the service as a"
                    + " role with SELECT and INSERT only (docs/adr/0008).";
            if (required) {
                throw new IllegalStateException(message);
            }
            log.warn(message);
        }
    }
}
