package kz.qorgau.order.ending;

import java.util.UUID;
import kz.qorgau.events.Measure;
import kz.qorgau.events.OrderRevoked;
import kz.qorgau.events.OrderVoided;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.lifecycle.Action;
import kz.qorgau.order.lifecycle.OrderChanges;
import kz.qorgau.order.lifecycle.Times;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import kz.qorgau.order.register.PreventiveRegister;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ending an order early, by a supervisor: voided (entered in error, never served) or revoked (in force).
 * The order is kept with who ended it, when and why; nothing is deleted.
 */
@Service
class OrderEnding {

    private final OrderChanges changes;
    private final JdbcClient jdbc;
    private final PreventiveRegister register;

    OrderEnding(OrderChanges changes, JdbcClient jdbc, PreventiveRegister register) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.register = register;
    }

    @Transactional
    public void voidOrder(Staff staff, UUID orderId, String ifMatch, EndRequest request) {
        OrderChanges.Change change = changes.begin(staff, orderId, ifMatch, Action.VOID);
        ProtectiveOrder order = change.order();
        ended(change, staff, request);
        changes.commit(
                change,
                new OrderVoided(
                        orderId.toString(),
                        order.orderNumber(),
                        order.district(),
                        order.policeUnit(),
                        staff.subject(),
                        request.reason(),
                        change.now()));
    }

    @Transactional
    public void revoke(Staff staff, UUID orderId, String ifMatch, EndRequest request) {
        OrderChanges.Change change = changes.begin(staff, orderId, ifMatch, Action.REVOKE);
        ProtectiveOrder order = change.order();
        ended(change, staff, request);
        changes.commit(
                change,
                new OrderRevoked(
                        orderId.toString(),
                        order.orderNumber(),
                        order.district(),
                        order.policeUnit(),
                        staff.subject(),
                        request.reason(),
                        change.now()));
        register.ended(new PreventiveRegister.Cause(
                Measure.PROTECTIVE_ORDER, orderId, orderId, order.district(), change.now()));
    }

    private void ended(OrderChanges.Change change, Staff staff, EndRequest request) {
        jdbc.sql("UPDATE protective_order SET ended_at = :at, ended_by = :by, end_reason = :reason WHERE id = :id")
                .param("at", Times.utc(change.now()))
                .param("by", staff.subject())
                .param("reason", request.reason())
                .param("id", change.order().id())
                .update();
    }
}
