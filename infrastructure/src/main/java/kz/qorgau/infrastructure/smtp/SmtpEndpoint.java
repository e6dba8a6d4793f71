package kz.qorgau.infrastructure.smtp;

import java.util.Objects;
import kz.qorgau.infrastructure.Source;

/**
 * An SMTP server to send mail to.
 *
 * @param inbox the inbox this JVM started, or null when the server came from the environment
 */
public record SmtpEndpoint(String host, int port, Source source, SmtpInbox inbox) {

    public SmtpEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(source, "source");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be within 1..65535: " + port);
        }
    }
}
