package kz.qorgau.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import kz.qorgau.kit.leader.LeaderSessions;
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
                Map.of(),
                Duration.ofSeconds(15),
                "relay");
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
                        Map.of(),
                        Duration.ofSeconds(15),
                        "relay"));
    }

    @Test
    void theLeaseMustOutlastEveryIntervalThatKeepsTheLockSessionBusy() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> lease(Duration.ofSeconds(15), Duration.ofSeconds(6), Duration.ofSeconds(1)))
                .withMessageContaining("poll-interval");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> lease(Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(6)))
                .withMessageContaining("standby-interval");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> lease(Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(100)))
                .withMessageContaining("at least 3s");
        OutboxProperties.Relay relay = lease(Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(relay.leaseCheck()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theLockSessionEndsOnTheServerAfterTheLease() {
        assertThat(LeaderSessions.serverOptions(Duration.ofSeconds(15)))
                .isEqualTo("-c idle_session_timeout=15000 -c idle_in_transaction_session_timeout=15000"
                        + " -c tcp_user_timeout=15000 -c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2"
                        + " -c tcp_keepalives_count=3");
    }

    @Test
    void withoutATransactionalIdEachDeploymentSharesOneNamedAfterTheApplicationInItsNamespace() {
        OutboxProperties.Relay unnamed = new OutboxProperties.Relay(
                true,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                200,
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                Map.of(),
                Duration.ofSeconds(15),
                "");
        assertThat(unnamed.transactionalIdIn("", "order-service")).isEqualTo("order-service-outbox-relay");
        assertThat(unnamed.transactionalIdIn("t42", "order-service")).isEqualTo("t42.order-service-outbox-relay");
        assertThat(relay(Duration.ofMillis(500), Duration.ofSeconds(1)).transactionalIdIn("", "x"))
                .isEqualTo("relay");
    }

    private static OutboxProperties.Relay lease(Duration lease, Duration poll, Duration standby) {
        return new OutboxProperties.Relay(
                true,
                poll,
                standby,
                200,
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                Map.of(),
                lease,
                "relay");
    }
}
