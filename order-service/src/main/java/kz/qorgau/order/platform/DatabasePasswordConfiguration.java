package kz.qorgau.order.platform;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;

/**
 * Refuses to start without a database password (docs/adr/0014). application.yml names the variable but
 * has no default, since a built-in password ends up in production sooner or later; ./qorgau-local and
 * the tests supply one. Checked before any bean is made, so neither the pool nor Flyway tries to connect
 * (Boot's binder would otherwise take the unresolved placeholder itself as the password).
 */
@Configuration(proxyBeanMethods = false)
class DatabasePasswordConfiguration {

    static final String PASSWORD_PROPERTY = "spring.datasource.password";
    static final String PASSWORD_VARIABLE = "QORGAU_ORDER_DB_PASSWORD";

    @Bean
    static BeanFactoryPostProcessor databasePasswordRequired(Environment environment) {
        return beanFactory -> requirePassword(environment);
    }

    /** An empty password given on purpose (a server that trusts the host) is a password; none at all is not. */
    static void requirePassword(PropertyResolver environment) {
        String password;
        try {
            password = environment.getProperty(PASSWORD_PROPERTY);
        } catch (IllegalArgumentException unresolvable) {
            password = null;
        }
        if (password == null || password.startsWith("${")) {
            throw new IllegalStateException("No database password: set " + PASSWORD_VARIABLE + " ("
                    + PASSWORD_PROPERTY + "). The service has no default password; ./qorgau-local and the"
                    + " tests supply their own.");
        }
    }
}
