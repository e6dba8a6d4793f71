package kz.qorgau.kit.database;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A service that names a database must be given its password ({@link DatabasePassword}). Checked before
 * any bean is made, so neither the pool nor Flyway tries to connect (Boot's binder would otherwise take
 * the unresolved placeholder itself as the password).
 */
@AutoConfiguration
@ConditionalOnProperty("spring.datasource.url")
public final class DatabasePasswordAutoConfiguration {

    @Bean
    static BeanFactoryPostProcessor databasePasswordRequired(ConfigurableEnvironment environment) {
        return beanFactory -> DatabasePassword.require(environment);
    }
}
