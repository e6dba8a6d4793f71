package kz.qorgau.notification.delivery;

import java.time.Duration;
import java.util.Map;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.notification.notice.NoticeRegistration.NoticeDeadlines;
import kz.qorgau.notification.notice.Urgency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the delivery engine sends notices ({@code qorgau.notification.delivery.*}, docs/adr/0022).
 *
 * @param inFlight notices one instance sends at once (its sender threads)
 * @param pollInterval how often an instance looks for due notices when nothing woke it (a commit on this
 *     instance wakes it at once; notices recorded by another instance or due after a back-off wait for this)
 * @param lease how long a claim holds a notice; longer than any channel's timeouts, so a live sender keeps
 *     it, and a crashed one's notice is taken by another worker after it
 * @param firstRetryDelay the back-off after the first failed attempt, doubled after each further one
 * @param maxRetryDelay the longest back-off
 * @param urgentDeadline how long an urgent notice (a police alert) is tried before it is FAILED
 * @param routineDeadline how long any other notice is tried
 * @param channels each channel's circuit breaker and rate limit
 */
@ConfigurationProperties("qorgau.notification.delivery")
public record DeliveryProperties(
        @DefaultValue("16") int inFlight,
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("1s") Duration firstRetryDelay,
        @DefaultValue("5m") Duration maxRetryDelay,
        @DefaultValue("12h") Duration urgentDeadline,
        @DefaultValue("72h") Duration routineDeadline,
        @DefaultValue Map<NotificationChannel, ChannelLimits> channels)
        implements NoticeDeadlines {

    public DeliveryProperties {
        if (inFlight < 1) {
            throw new IllegalArgumentException("qorgau.notification.delivery.in-flight must be at least 1");
        }
        if (firstRetryDelay.isNegative() || firstRetryDelay.isZero() || maxRetryDelay.compareTo(firstRetryDelay) < 0) {
            throw new IllegalArgumentException(
                    "qorgau.notification.delivery: first-retry-delay must be positive and at most max-retry-delay");
        }
        channels = Map.copyOf(channels);
    }

    @Override
    public Duration of(Urgency urgency) {
        return urgency == Urgency.URGENT ? urgentDeadline : routineDeadline;
    }

    /** A channel's limits, or the defaults. */
    ChannelLimits limits(NotificationChannel channel) {
        return channels.getOrDefault(channel, ChannelLimits.DEFAULTS);
    }

    /**
     * @param ratePerSecond notices handed to the channel per second, at most (a gateway's quota)
     * @param failureRateThreshold percentage of failed attempts, over the last {@code windowSize}, that opens
     *     the channel's circuit breaker
     * @param windowSize attempts the failure rate is measured over (and the least before it is)
     * @param openFor how long an open breaker holds the channel's notices back before it tries again
     */
    public record ChannelLimits(
            @DefaultValue("200") int ratePerSecond,
            @DefaultValue("50") int failureRateThreshold,
            @DefaultValue("10") int windowSize,
            @DefaultValue("30s") Duration openFor) {

        static final ChannelLimits DEFAULTS = new ChannelLimits(200, 50, 10, Duration.ofSeconds(30));
    }
}
