package kz.qorgau.notification.orderstate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.OrderExpired;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.OrderRevoked;
import kz.qorgau.events.OrderServed;
import kz.qorgau.events.OrderVoided;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.notification.notice.EventRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The order's latest known status ({@code order_state}), kept from the events that change it, in the transaction
 * that records the event's notices. An older event (a parked record replayed after later ones passed) never
 * overwrites a newer status: the event's sequence decides.
 */
@Component
class OrderStates {

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderStates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void onRecorded(EventRecorded recorded) {
        OrderStatus status = statusAfter(recorded.data());
        if (status == null) {
            return;
        }
        jdbc.sql(
                        """
                INSERT INTO order_state (order_id, status, status_sequence, updated_at)
                VALUES (:orderId, :status, :sequence, :now)
                ON CONFLICT (order_id) DO UPDATE
                    SET status = EXCLUDED.status, status_sequence = EXCLUDED.status_sequence,
                        updated_at = EXCLUDED.updated_at
                    WHERE order_state.status_sequence < EXCLUDED.status_sequence
                """)
                .param("orderId", UUID.fromString(recorded.cause().orderId()))
                .param("status", status.name())
                .param("sequence", recorded.cause().sequence())
                .param("now", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))
                .update();
    }

    /** The order's status and the sequence of the event that set it, if any event of it was heard. */
    Optional<OrderState> of(String orderId) {
        return jdbc.sql("SELECT status, status_sequence FROM order_state WHERE order_id = :orderId")
                .param("orderId", UUID.fromString(orderId))
                .query((row, number) ->
                        new OrderState(OrderStatus.valueOf(row.getString("status")), row.getLong("status_sequence")))
                .optional();
    }

    private static OrderStatus statusAfter(QorgauEvent data) {
        if (data instanceof OrderIssued) {
            return OrderStatus.ISSUED;
        }
        if (data instanceof OrderServed) {
            return OrderStatus.IN_FORCE;
        }
        if (data instanceof OrderRevoked) {
            return OrderStatus.REVOKED;
        }
        if (data instanceof OrderVoided) {
            return OrderStatus.VOIDED;
        }
        if (data instanceof OrderExpired) {
            return OrderStatus.EXPIRED;
        }
        return null;
    }
}
