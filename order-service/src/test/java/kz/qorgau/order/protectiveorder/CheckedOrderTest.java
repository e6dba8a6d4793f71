package kz.qorgau.order.protectiveorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.Prohibition;
import org.junit.jupiter.api.Test;

class CheckedOrderTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void anOrderIsActiveWhileIssuedOrInForceAndItsTermHasNotEnded() {
        assertThat(order(OrderStatus.ISSUED, null).activeAt(NOW)).isTrue();
        assertThat(order(OrderStatus.IN_FORCE, NOW.plusSeconds(1)).activeAt(NOW))
                .isTrue();
    }

    @Test
    void anOrderPastItsTermIsNotActiveEvenBeforeTheExpiryScanMarksIt() {
        assertThat(order(OrderStatus.IN_FORCE, NOW).activeAt(NOW)).isFalse();
        assertThat(order(OrderStatus.IN_FORCE, NOW.minusSeconds(1)).activeAt(NOW))
                .isFalse();
    }

    @Test
    void anEndedOrderIsNotActive() {
        for (OrderStatus ended : List.of(OrderStatus.EXPIRED, OrderStatus.REVOKED, OrderStatus.VOIDED)) {
            assertThat(order(ended, NOW.plusSeconds(3600)).activeAt(NOW))
                    .as(ended.name())
                    .isFalse();
        }
    }

    private static CheckedOrder order(OrderStatus status, Instant validUntil) {
        return new CheckedOrder(
                UUID.randomUUID(),
                "PO-ALM-2026-1",
                status,
                "ALM-BOSTANDYK",
                "ALM-BOSTANDYK-UP-01",
                List.of(Prohibition.DOMESTIC_VIOLENCE),
                NOW.minusSeconds(3600),
                validUntil,
                null);
    }
}
