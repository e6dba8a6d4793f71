package kz.qorgau.notification.delivery;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import kz.qorgau.events.NotificationChannel;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Sends a text message through an HTTP gateway (docs/adr/0030): one JSON POST per message, its body the
 * configured template with the number and the text filled in. The answer is judged as {@link HttpPeers} does for
 * every HTTP channel: timeouts, 5xx and 429 (after its Retry-After) are tried again until the notice's deadline,
 * and the channel has its own circuit breaker and rate limit ({@link ChannelGuards}).
 */
class SmsChannel implements Channel {

    static final HttpPeers.Reasons REASONS = new HttpPeers.Reasons(
            DeliveryFailure.SMS_UNAVAILABLE,
            DeliveryFailure.SMS_SERVER_ERROR,
            DeliveryFailure.SMS_THROTTLED,
            DeliveryFailure.SMS_REJECTED,
            DeliveryFailure.SMS_MALFORMED_ANSWER);

    private final HttpPeers peers;
    private final SmsProperties properties;

    SmsChannel(SmsProperties properties, Clock clock) {
        this.properties = properties;
        this.peers = new HttpPeers(properties.connectTimeout(), clock);
    }

    @Override
    public NotificationChannel kind() {
        return NotificationChannel.SMS;
    }

    @Override
    public void send(ClaimedNotice notice) throws DeliveryFailure {
        if (properties.url() == null || properties.url().toString().isEmpty()) {
            throw new DeliveryFailure(DeliveryFailure.NO_CHANNEL, false, null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(properties.url())
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        body(
                                notice.recipient().address(),
                                notice.body(),
                                notice.id().toString()),
                        StandardCharsets.UTF_8));
        if (properties.authValue() != null && !properties.authValue().isBlank()) {
            request.header(properties.authHeader(), properties.authValue());
        }
        peers.post(request.build(), REASONS);
    }

    /** The configured body with each placeholder replaced by its JSON-escaped value. */
    String body(String to, String text, String id) {
        return properties
                .body()
                .replace("{{to}}", escape(to))
                .replace("{{from}}", escape(properties.from()))
                .replace("{{id}}", escape(id))
                .replace("{{text}}", escape(text));
    }

    /** RFC 8259 string escaping, without the quotes (the template has them). */
    static String escape(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsCharArray(value));
    }
}
