package kz.qorgau.infrastructure.smtp;

import java.util.Objects;
import java.util.function.Supplier;
import kz.qorgau.infrastructure.EnvNames;
import kz.qorgau.infrastructure.InfraEnvironment;
import kz.qorgau.infrastructure.Source;

/**
 * Finds an SMTP server: {@link EnvNames#QORGAU_SMTP_HOST} / {@link EnvNames#QORGAU_SMTP_PORT} when either
 * is set (host default 127.0.0.1, port default 25; {@link Source#ENVIRONMENT}), else an {@link SmtpInbox}
 * started in this JVM ({@link Source#IN_PROCESS}; the caller stops it through {@link SmtpEndpoint#inbox()}).
 */
public final class SmtpDiscovery {

    public static final int DEFAULT_SMTP_PORT = 25;

    private SmtpDiscovery() {}

    /** The environment's server, else a new inbox on free ports. */
    public static SmtpEndpoint discover(InfraEnvironment environment) {
        return discover(environment, SmtpInbox::startOnFreePorts);
    }

    /** The environment's server, else the inbox {@code localInbox} starts (for example on fixed ports). */
    public static SmtpEndpoint discover(InfraEnvironment environment, Supplier<SmtpInbox> localInbox) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(localInbox, "localInbox");
        var host = environment.get(EnvNames.QORGAU_SMTP_HOST);
        var port = environment.get(EnvNames.QORGAU_SMTP_PORT);
        if (host.isPresent() || port.isPresent()) {
            int portNumber;
            try {
                portNumber = port.map(Integer::parseInt).orElse(DEFAULT_SMTP_PORT);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(EnvNames.QORGAU_SMTP_PORT + " is not a port number: " + port.get());
            }
            return new SmtpEndpoint(host.orElse("127.0.0.1"), portNumber, Source.ENVIRONMENT, null);
        }
        return Objects.requireNonNull(localInbox.get(), "localInbox returned null")
                .endpoint();
    }
}
