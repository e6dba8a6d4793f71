package kz.qorgau.notification.delivery;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS gateway ({@code qorgau.notification.sms.*}, docs/adr/0030): an HTTP endpoint that takes one message per
 * JSON POST. No gateway by default: SMS notices then fail with {@code NO_CHANNEL} (and the district's supervisor
 * is told), never silently.
 *
 * @param url where messages are POSTed; none by default
 * @param authHeader the header that carries the gateway's credential
 * @param authValue the credential (e.g. {@code Bearer ...}); none by default, then no header is sent
 * @param body the JSON body, with {@code {{to}}} (the E.164 number), {@code {{text}}}, {@code {{from}}} and
 *     {@code {{id}}} (the notice's id, for the gateway's de-duplication) replaced, JSON-escaped, inside strings
 * @param from the sender name or number the gateway shows; neutral (never "police" nor "Qorgau")
 * @param connectTimeout how long a connection may take to open
 * @param timeout how long the gateway may take to answer
 */
@ConfigurationProperties("qorgau.notification.sms")
public record SmsProperties(
        URI url,
        @DefaultValue("Authorization") String authHeader,
        String authValue,
        @DefaultValue("{\"to\": \"{{to}}\", \"text\": \"{{text}}\"}") String body,
        @DefaultValue("") String from,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration timeout) {

    public SmsProperties {
        if (!body.contains("{{to}}") || !body.contains("{{text}}")) {
            throw new IllegalArgumentException("qorgau.notification.sms.body must hold {{to}} and {{text}}");
        }
    }

    @Override
    public String toString() {
        // Never the credential.
        return "SmsProperties[url=" + url + ", authHeader=" + authHeader + "]";
    }
}
