package kz.qorgau.notification.delivery;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How an HTTP peer's answer becomes an outcome, for every channel that POSTs (the dispatch webhook, the SMS
 * gateway): a 2xx is taken; 429 and 5xx (and 408) are tried again, after the peer's Retry-After when it gives
 * one; another 4xx is a refusal for good; no answer in time, a refused connection or a malformed answer are tried
 * again. The JDK's HTTP client keeps connections to each peer open and reuses them.
 */
final class HttpPeers {

    /** The reason codes of one channel's failures. */
    record Reasons(String unavailable, String serverError, String throttled, String rejected, String malformed) {}

    private final HttpClient http;
    private final Clock clock;

    HttpPeers(Duration connectTimeout, Clock clock) {
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends {@code request}; returns when the peer took it. */
    void post(HttpRequest request, Reasons reasons) throws DeliveryFailure {
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailure(reasons.unavailable(), true, e);
        } catch (ProtocolException e) {
            throw new DeliveryFailure(reasons.malformed(), true, e);
        } catch (IOException e) {
            throw new DeliveryFailure(
                    e.getCause() instanceof ProtocolException ? reasons.malformed() : reasons.unavailable(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure(reasons.unavailable(), true, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        Duration retryAfter = retryAfter(response);
        if (status == 429) {
            throw new DeliveryFailure(reasons.throttled(), true, retryAfter, null);
        }
        if (status >= 500 || status == 408) {
            throw new DeliveryFailure(reasons.serverError(), true, retryAfter, null);
        }
        throw new DeliveryFailure(reasons.rejected(), false, null);
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
