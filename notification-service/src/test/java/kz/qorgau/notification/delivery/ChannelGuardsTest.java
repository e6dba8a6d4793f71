package kz.qorgau.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kz.qorgau.events.NotificationChannel;
import org.junit.jupiter.api.Test;

class ChannelGuardsTest {

    private final ChannelGuards guards = new ChannelGuards(
            List.of(NotificationChannel.EMAIL, NotificationChannel.WEBHOOK),
            new DeliveryProperties(
                    16,
                    Duration.ofMillis(250),
                    Duration.ofMinutes(2),
                    Duration.ofSeconds(1),
                    Duration.ofMinutes(5),
                    Duration.ofHours(12),
                    Duration.ofHours(72),
                    Map.of(
                            NotificationChannel.WEBHOOK,
                            new DeliveryProperties.ChannelLimits(3, 50, 4, Duration.ofMinutes(1)),
                            NotificationChannel.EMAIL,
                            new DeliveryProperties.ChannelLimits(1000, 50, 4, Duration.ofMinutes(1)))),
            new SimpleMeterRegistry());

    @Test
    void aChannelsRateIsItsOwn() {
        for (int i = 0; i < 3; i++) {
            assertThat(guards.permit(NotificationChannel.WEBHOOK)).isEqualTo(ChannelGuards.Permit.GRANTED);
            guards.succeeded(NotificationChannel.WEBHOOK, 1_000);
        }
        assertThat(guards.permit(NotificationChannel.WEBHOOK)).isEqualTo(ChannelGuards.Permit.RATE_LIMITED);
        assertThat(guards.permit(NotificationChannel.EMAIL)).isEqualTo(ChannelGuards.Permit.GRANTED);
    }

    @Test
    void aBrokenChannelOpensItsOwnBreakerAndIsNoLongerClaimed() {
        for (int i = 0; i < 4; i++) {
            assertThat(guards.permit(NotificationChannel.EMAIL)).isEqualTo(ChannelGuards.Permit.GRANTED);
            guards.failed(NotificationChannel.EMAIL, 1_000, new IllegalStateException("down"));
        }
        assertThat(guards.permit(NotificationChannel.EMAIL)).isEqualTo(ChannelGuards.Permit.BREAKER_OPEN);
        assertThat(guards.claimable()).containsExactly(NotificationChannel.WEBHOOK);
    }

    @Test
    void aThrottledAnswerDoesNotCountAgainstTheChannel() {
        for (int i = 0; i < 8; i++) {
            assertThat(guards.permit(NotificationChannel.EMAIL)).isEqualTo(ChannelGuards.Permit.GRANTED);
            guards.neutral(NotificationChannel.EMAIL);
        }
        assertThat(guards.claimable()).contains(NotificationChannel.EMAIL);
    }
}
