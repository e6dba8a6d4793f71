package kz.qorgau.order.document;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qorgau.orders.document.*}: the document handed to the offender and its public verification.
 *
 * @param verificationPage the page the QR code opens, the code after its {@code #} (a fragment never
 *     reaches a server's logs); by default this service's own {@code /verify.html}, as the request that
 *     printed the document reached it
 * @param verificationsPerMinute verifications one client address may ask for per minute
 * @param verificationsPerSecond verifications one instance answers per second, all clients together
 * @param clientsRemembered client addresses whose allowance is remembered (the least recently seen go first)
 */
@ConfigurationProperties("qorgau.orders.document")
public record DocumentProperties(
        URI verificationPage,
        @DefaultValue("20") int verificationsPerMinute,
        @DefaultValue("100") int verificationsPerSecond,
        @DefaultValue("100000") int clientsRemembered) {

    public DocumentProperties {
        if (verificationsPerMinute < 1 || verificationsPerSecond < 1 || clientsRemembered < 1) {
            throw new IllegalArgumentException("qorgau.orders.document: limits must be at least 1");
        }
        if (verificationPage != null && !verificationPage.isAbsolute()) {
            throw new IllegalArgumentException("qorgau.orders.document.verification-page must be an absolute URL");
        }
    }
}
