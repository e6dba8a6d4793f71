package kz.qorgau.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingDeque;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Open SMTP connections, kept and reused: a notice costs one MAIL FROM/RCPT TO/DATA exchange, not a TCP
 * connect, a greeting and an EHLO. A connection that failed is closed, never returned; one idle for longer
 * than {@code maxIdle} is closed rather than trusted (servers drop idle clients).
 */
class SmtpConnections implements DisposableBean {

    /** Idle for less than this, a connection is used without a NOOP check. */
    private static final Duration TRUSTED_IDLE = Duration.ofSeconds(2);

    private final JavaMailSenderImpl settings;
    private final int keep;
    private final Duration maxIdle;
    private final Clock clock;
    private final LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();

    SmtpConnections(JavaMailSenderImpl settings, int keep, Duration maxIdle, Clock clock) {
        this.settings = settings;
        this.keep = keep;
        this.maxIdle = maxIdle;
        this.clock = clock;
    }

    /** A new message of this sender's session, with its default encoding and file type map. */
    MimeMessage newMessage() {
        return settings.createMimeMessage();
    }

    /** An open connection: the most recently used idle one, or a new one. */
    Connection borrow() throws MessagingException {
        Instant now = clock.instant();
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            boolean fresh = connection.lastUsed.plus(TRUSTED_IDLE).isAfter(now);
            // A NOOP round trip checks a connection that has been idle a while; a busy one is trusted.
            if (connection.lastUsed.plus(maxIdle).isAfter(now) && (fresh || connection.transport.isConnected())) {
                return connection;
            }
            connection.close();
        }
        Transport transport = settings.getSession().getTransport(settings.getProtocol());
        transport.connect(settings.getHost(), settings.getPort(), settings.getUsername(), settings.getPassword());
        return new Connection(transport, now);
    }

    /** A connection that worked goes back for the next notice. */
    void giveBack(Connection connection) {
        connection.lastUsed = clock.instant();
        if (idle.size() >= keep || !idle.offerFirst(connection)) {
            connection.close();
        }
    }

    int idleConnections() {
        return idle.size();
    }

    @Override
    public void destroy() {
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            connection.close();
        }
    }

    static final class Connection {
        final Transport transport;
        volatile Instant lastUsed;

        Connection(Transport transport, Instant lastUsed) {
            this.transport = transport;
            this.lastUsed = lastUsed;
        }

        void close() {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException ignored) {
                // Already broken: nothing to release.
            }
        }
    }
}
