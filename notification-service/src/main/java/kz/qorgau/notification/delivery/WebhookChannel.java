package kz.qorgau.notification.delivery;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import kz.qorgau.events.NotificationChannel;

/**
 * POSTs a notice's JSON document to a police dispatch webhook, signed ({@link WebhookSignature}); the answer is
 * judged as {@link HttpPeers} does for every HTTP channel.
 */
class WebhookChannel implements Channel {

    static final HttpPeers.Reasons REASONS = new HttpPeers.Reasons(
            DeliveryFailure.WEBHOOK_UNAVAILABLE,
            DeliveryFailure.WEBHOOK_SERVER_ERROR,
            DeliveryFailure.WEBHOOK_THROTTLED,
            DeliveryFailure.WEBHOOK_REJECTED,
            DeliveryFailure.WEBHOOK_MALFORMED_ANSWER);

    private final HttpPeers peers;
    private final WebhookProperties properties;
    private final WebhookSignature signature;
    private final Clock clock;

    WebhookChannel(WebhookProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.signature = properties.signs() ? new WebhookSignature(properties.secret()) : null;
        this.peers = new HttpPeers(properties.connectTimeout(), clock);
    }

    @Override
    public NotificationChannel kind() {
        return NotificationChannel.WEBHOOK;
    }

    @Override
    public void send(ClaimedNotice notice) throws DeliveryFailure {
        if (signature == null) {
            throw new DeliveryFailure(DeliveryFailure.NO_CHANNEL, false, null);
        }
        byte[] body = notice.body().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(notice.recipient().address()))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, signature.sign(timestamp, body))
                    .header(WebhookSignature.NOTICE_HEADER, notice.id().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailure(DeliveryFailure.MESSAGE_INVALID, false, e);
        }
        peers.post(request, REASONS);
    }
}
