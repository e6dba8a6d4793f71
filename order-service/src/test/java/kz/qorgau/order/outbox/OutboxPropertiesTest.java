package kz.qorgau.order.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboxPropertiesTest {

    private static OutboxProperties.Relay relay(Duration initial, Duration max) {
        return new OutboxProperties.Relay(
                true,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                200,
                initial,
                max,
                Duration.ofSeconds(30),
                Map.of());
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        OutboxProperties.Relay relay = relay(Duration.ofMillis(500), Duration.ofSeconds(30));
        assertThat(relay.backoffAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(relay.backoffAfter(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(relay.backoffAfter(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(relay.backoffAfter(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(relay.backoffAfter(1000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusesSettingsTheRelayCannotWorkWith() {
        assertThatIllegalArgumentException().isThrownBy(() -> relay(Duration.ZERO, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OutboxProperties.Relay(
                        true,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        0,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        Map.of()));
    }
}
