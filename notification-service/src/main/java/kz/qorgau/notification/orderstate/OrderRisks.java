package kz.qorgau.notification.orderstate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.RiskLevel;
import kz.qorgau.events.RiskLevelChanged;
import kz.qorgau.notification.notice.EventRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each order's current risk level ({@code order_risk}, docs/adr/0039), from OrderIssued's {@code riskLevel} and
 * every {@code RiskLevelChanged}, in the transaction that records the event's notices. The event's sequence decides:
 * a parked record replayed after later ones passed never overwrites a newer level.
 */
@Component
public class OrderRisks {

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderRisks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The level an event of the order's life sets, if it sets one. */
    public static Optional<RiskLevel> setBy(QorgauEvent data) {
        if (data instanceof OrderIssued issued) {
            return Optional.ofNullable(issued.riskLevel());
        }
        if (data instanceof RiskLevelChanged changed) {
            return Optional.of(changed.level());
        }
        return Optional.empty();
    }

    @EventListener
    void onRecorded(EventRecorded recorded) {
        Optional<RiskLevel> level = setBy(recorded.data());
        if (level.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                INSERT INTO order_risk (order_id, risk_level, risk_sequence, updated_at)
                VALUES (:orderId, :level, :sequence, :now)
                ON CONFLICT (order_id) DO UPDATE
                    SET risk_level = EXCLUDED.risk_level, risk_sequence = EXCLUDED.risk_sequence,
                        updated_at = EXCLUDED.updated_at
                    WHERE order_risk.risk_sequence < EXCLUDED.risk_sequence
                """)
                .param("orderId", UUID.fromString(recorded.cause().orderId()))
                .param("level", level.get().name())
                .param("sequence", recorded.cause().sequence())
                .param("now", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))
                .update();
    }

    /** The order's current level, if any event of it named one; none for an id that is no order (an access's). */
    public Optional<RiskLevel> of(String orderId) {
        UUID id;
        try {
            id = UUID.fromString(orderId);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT risk_level FROM order_risk WHERE order_id = :orderId")
                .param("orderId", id)
                .query(String.class)
                .optional()
                .map(RiskLevel::valueOf);
    }
}
