package kz.qorgau.notification.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.qorgau.events.NotificationChannel;

/**
 * One Resilience4j circuit breaker and one rate limiter per channel, so that one broken or throttled gateway
 * holds up no other channel. An open breaker's channel is not even claimed; its notices wait, unattempted,
 * until the breaker lets a trial attempt through.
 */
class ChannelGuards {

    private final Map<NotificationChannel, CircuitBreaker> breakers = new EnumMap<>(NotificationChannel.class);
    private final Map<NotificationChannel, RateLimiter> limiters = new EnumMap<>(NotificationChannel.class);

    ChannelGuards(List<NotificationChannel> channels, DeliveryProperties properties, MeterRegistry meters) {
        for (NotificationChannel channel : channels) {
            DeliveryProperties.ChannelLimits limits = properties.limits(channel);
            CircuitBreaker breaker = CircuitBreaker.of(
                    channel.name(),
                    CircuitBreakerConfig.custom()
                            .failureRateThreshold(limits.failureRateThreshold())
                            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                            .slidingWindowSize(limits.windowSize())
                            .minimumNumberOfCalls(limits.windowSize())
                            .waitDurationInOpenState(limits.openFor())
                            .automaticTransitionFromOpenToHalfOpenEnabled(true)
                            .permittedNumberOfCallsInHalfOpenState(1)
                            .build());
            breakers.put(channel, breaker);
            limiters.put(
                    channel,
                    RateLimiter.of(
                            channel.name(),
                            RateLimiterConfig.custom()
                                    .limitForPeriod(limits.ratePerSecond())
                                    .limitRefreshPeriod(Duration.ofSeconds(1))
                                    .timeoutDuration(Duration.ZERO)
                                    .build()));
            Gauge.builder(NoticeMetrics.CHANNEL_OPEN, breaker, b -> b.getState() == CircuitBreaker.State.CLOSED ? 0 : 1)
                    .description("1 while the channel's circuit breaker holds its notices back (open or half-open)")
                    .tag(NoticeMetrics.CHANNEL, channel.name())
                    .register(meters);
        }
    }

    /** Channels whose notices may be claimed now: a channel whose breaker is open waits. */
    List<NotificationChannel> claimable() {
        return breakers.entrySet().stream()
                .filter(entry -> entry.getValue().getState() != CircuitBreaker.State.OPEN
                        && entry.getValue().getState() != CircuitBreaker.State.FORCED_OPEN)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Whether an attempt may go now: the breaker lets it through and the channel's rate is not used up. */
    Permit permit(NotificationChannel channel) {
        CircuitBreaker breaker = breakers.get(channel);
        if (!breaker.tryAcquirePermission()) {
            return Permit.BREAKER_OPEN;
        }
        if (!limiters.get(channel).acquirePermission()) {
            breaker.releasePermission();
            return Permit.RATE_LIMITED;
        }
        return Permit.GRANTED;
    }

    /** The channel took it, or refused this notice for a reason of its own (a bad address): it is healthy. */
    void succeeded(NotificationChannel channel, long nanos) {
        breakers.get(channel).onSuccess(nanos, TimeUnit.NANOSECONDS);
    }

    /** The channel failed: counts toward opening its breaker. */
    void failed(NotificationChannel channel, long nanos, Throwable failure) {
        breakers.get(channel).onError(nanos, TimeUnit.NANOSECONDS, failure);
    }

    /** The attempt tells nothing about the channel's health (a 429 is the gateway's rate, not an outage). */
    void neutral(NotificationChannel channel) {
        breakers.get(channel).releasePermission();
    }

    CircuitBreaker.State state(NotificationChannel channel) {
        return breakers.get(channel).getState();
    }

    enum Permit {
        GRANTED,
        BREAKER_OPEN,
        RATE_LIMITED
    }
}
