package kz.qorgau.kit.database;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A service with a database warns when that server never analyzes its tables ({@link AutovacuumCheck}). */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(JdbcClient.class)
@ConditionalOnSingleCandidate(DataSource.class)
public final class AutovacuumCheckAutoConfiguration {

    @Bean
    AutovacuumCheck autovacuumCheck(DataSource dataSource) {
        return new AutovacuumCheck(dataSource);
    }
}
