package kz.qorgau.order.serve;

import java.time.Instant;
import java.util.UUID;
import kz.qorgau.events.Measure;
import kz.qorgau.events.OrderServed;
import kz.qorgau.events.OrderServiceFailed;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.law.Law;
import kz.qorgau.order.lifecycle.Action;
import kz.qorgau.order.lifecycle.HappenedAt;
import kz.qorgau.order.lifecycle.OrderChanges;
import kz.qorgau.order.lifecycle.Times;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import kz.qorgau.order.register.PreventiveRegister;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serving an order on its offender: it comes into force, and its term runs from the time of service to
 * the computed valid-until. A failed attempt is kept with its reason; the order stays issued.
 */
@Service
class OrderServing {

    private final OrderChanges changes;
    private final JdbcClient jdbc;
    private final Law law;
    private final PreventiveRegister register;

    OrderServing(OrderChanges changes, JdbcClient jdbc, Law law, PreventiveRegister register) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.law = law;
        this.register = register;
    }

    @Transactional
    public void serve(Staff staff, UUID orderId, String ifMatch, ServeRequest request) {
        OrderChanges.Change change = changes.begin(staff, orderId, ifMatch, Action.SERVE);
        ProtectiveOrder order = change.order();
        Instant servedAt = HappenedAt.accept("servedAt", request.servedAt(), change.now(), order.issuedAt(), law);
        Instant validUntil = law.validUntil(servedAt);
        jdbc.sql(
                        """
                        UPDATE protective_order SET served_at = :servedAt, served_by = :servedBy,
                            service_method = :method, service_recorded_at = :recordedAt, valid_until = :validUntil
                        WHERE id = :id
                        """)
                .param("servedAt", Times.utc(servedAt))
                .param("servedBy", staff.subject())
                .param("method", request.method().name())
                .param("recordedAt", Times.utc(change.now()))
                .param("validUntil", Times.utc(validUntil))
                .param("id", orderId)
                .update();
        changes.commit(
                change,
                new OrderServed(
                        orderId.toString(),
                        order.orderNumber(),
                        order.district(),
                        order.policeUnit(),
                        staff.subject(),
                        request.method(),
                        servedAt,
                        change.now(),
                        validUntil));
        register.cameIntoForce(
                new PreventiveRegister.Cause(Measure.PROTECTIVE_ORDER, orderId, orderId, order.district(), servedAt));
    }

    @Transactional
    public void serviceFailed(Staff staff, UUID orderId, String ifMatch, FailedServiceRequest request) {
        OrderChanges.Change change = changes.begin(staff, orderId, ifMatch, Action.RECORD_FAILED_SERVICE);
        ProtectiveOrder order = change.order();
        Instant attemptedAt =
                HappenedAt.accept("attemptedAt", request.attemptedAt(), change.now(), order.issuedAt(), law);
        jdbc.sql(
                        """
                        INSERT INTO order_service_attempt (id, order_id, attempted_by, attempted_at, recorded_at, reason)
                        VALUES (:id, :orderId, :by, :at, :recordedAt, :reason)
                        """)
                .param("id", UUID.randomUUID())
                .param("orderId", orderId)
                .param("by", staff.subject())
                .param("at", Times.utc(attemptedAt))
                .param("recordedAt", Times.utc(change.now()))
                .param("reason", request.reason())
                .update();
        changes.commit(
                change,
                new OrderServiceFailed(
                        orderId.toString(),
                        order.orderNumber(),
                        order.district(),
                        order.policeUnit(),
                        staff.subject(),
                        request.reason(),
                        attemptedAt,
                        change.now()));
    }
}
