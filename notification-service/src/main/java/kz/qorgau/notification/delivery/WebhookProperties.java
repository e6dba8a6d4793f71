package kz.qorgau.notification.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The police dispatch webhook ({@code qorgau.notification.webhook.*}): how its POSTs are signed and how long
 * one may take. The receivers' URLs are routing ({@code qorgau.notification.dispatch-webhooks}).
 *
 * @param secret the HMAC-SHA256 key shared with the receivers, at least 32 characters; no default (docs/adr/0014):
 *     without it no webhook notice can be sent, and a configured webhook stops the start
 * @param connectTimeout how long a connection may take to open
 * @param timeout how long the receiver may take to answer
 */
@ConfigurationProperties("qorgau.notification.webhook")
public record WebhookProperties(
        String secret, @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration timeout) {

    public WebhookProperties {
        if (secret != null && !secret.isEmpty() && secret.length() < 32) {
            throw new IllegalArgumentException("qorgau.notification.webhook.secret needs at least 32 characters");
        }
    }

    public boolean signs() {
        return secret != null && !secret.isEmpty();
    }
}
