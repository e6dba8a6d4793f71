package kz.qorgau.order.timed;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ShedLock over this service's database (table {@code shedlock}): one instance at a time runs the
 * scan. The lock is a saving, not the guarantee; each event's own row is (docs/adr/0021).
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "${qorgau.orders.timed-events.lock-at-most:10m}")
class TimedEventsConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                // The database's clock, so instances with skewed clocks agree on when a lock ends.
                .usingDbTime()
                .build());
    }
}
