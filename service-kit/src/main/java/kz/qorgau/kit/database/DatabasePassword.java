package kz.qorgau.kit.database;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * A service refuses to start without a database password (docs/adr/0014). Its application.yml names the
 * variable with no default ({@code password: ${QORGAU_ORDER_DB_PASSWORD}}), since a built-in password ends
 * up in production sooner or later. The message names that variable, read from the placeholder itself,
 * so it is always the one the service really reads.
 */
public final class DatabasePassword {

    public static final String PROPERTY = "spring.datasource.password";

    /** {@code ${NAME}} without a default: the only form that leaves a password unset. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)}");

    private DatabasePassword() {}

    /**
     * Throws, naming the variable to set, unless a password is given. An empty password given on purpose (a
     * server that trusts the host) is a password; none at all is not.
     */
    public static void require(ConfigurableEnvironment environment) {
        String password;
        try {
            password = environment.getProperty(PROPERTY);
        } catch (IllegalArgumentException unresolvable) {
            password = null;
        }
        if (password == null || password.startsWith("${")) {
            throw new IllegalStateException("No database password: set " + whatToSet(environment) + ". The service"
                    + " has no default password; ./qorgau-local and the tests supply their own.");
        }
    }

    /** The variable the configuration reads the password from, and the property; or the property alone. */
    static String whatToSet(ConfigurableEnvironment environment) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            Object raw = source.getProperty(PROPERTY);
            if (raw != null) {
                Matcher placeholder = PLACEHOLDER.matcher(raw.toString().trim());
                return placeholder.matches() ? placeholder.group(1) + " (" + PROPERTY + ")" : PROPERTY;
            }
        }
        return PROPERTY;
    }
}
