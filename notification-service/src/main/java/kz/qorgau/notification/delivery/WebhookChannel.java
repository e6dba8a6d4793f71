package kz.qorgau.notification.delivery;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import kz.qorgau.events.NotificationChannel;

/**
 * POSTs a notice's JSON document to a police dispatch webhook, signed ({@link WebhookSignature}). The JDK's
 * HTTP client keeps connections to each receiver open and reuses them. A 2xx is taken; 429 and 5xx are tried
 * again, after the receiver's Retry-After when it gives one; another 4xx is a refusal for good.
 */
class WebhookChannel implements Channel {

    private final HttpClient http;
    private final WebhookProperties properties;
    private final WebhookSignature signature;
    private final Clock clock;

    WebhookChannel(WebhookProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.signature = properties.signs() ? new WebhookSignature(properties.secret()) : null;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailure(DeliveryFailure.WEBHOOK_UNAVAILABLE, true, e);
        } catch (ProtocolException e) {
            throw new DeliveryFailure(DeliveryFailure.WEBHOOK_MALFORMED_ANSWER, true, e);
        } catch (IOException e) {
            throw new DeliveryFailure(
                    e.getCause() instanceof ProtocolException
                            ? DeliveryFailure.WEBHOOK_MALFORMED_ANSWER
                            : DeliveryFailure.WEBHOOK_UNAVAILABLE,
                    true,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure(DeliveryFailure.WEBHOOK_UNAVAILABLE, true, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        Duration retryAfter = retryAfter(response);
        if (status == 429) {
            throw new DeliveryFailure(DeliveryFailure.WEBHOOK_THROTTLED, true, retryAfter, null);
        }
        if (status >= 500 || status == 408) {
            throw new DeliveryFailure(DeliveryFailure.WEBHOOK_SERVER_ERROR, true, retryAfter, null);
        }
        throw new DeliveryFailure(DeliveryFailure.WEBHOOK_REJECTED, false, null);
    }

    /** RFC 9110 Retry-After: delay-seconds or an HTTP date; null when absent or unreadable. */
    private Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(
                        clock.instant(), ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
