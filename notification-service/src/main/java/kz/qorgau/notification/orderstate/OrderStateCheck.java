package kz.qorgau.notification.orderstate;

import java.util.Optional;
import java.util.Set;
import kz.qorgau.events.ComplianceCheckOverdue;
import kz.qorgau.events.ExpiryApproaching;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.OrderServiceFailed;
import kz.qorgau.events.ServiceOverdue;
import kz.qorgau.notification.delivery.NoticeCheck;
import kz.qorgau.notification.notice.NoticeCause;
import kz.qorgau.notification.notice.Recipient;
import org.springframework.stereotype.Component;

/**
 * Before each attempt: is the notice still true, given the order's latest known state (docs/adr/0024)? Only a
 * status set by a later event of the order than the notice's can make it untrue:
 * <ul>
 *   <li>"not served yet" (service failed or overdue) once the order was served, voided or has ended;
 *   <li>a reminder (check overdue, expiry approaching) once the order was revoked, voided or expired;
 *   <li>"order issued" once the order was voided as entered in error.
 * </ul>
 * A violation or an arrest is never superseded: the police act on each on its own.
 */
@Component
class OrderStateCheck implements NoticeCheck {

    private static final Set<String> NOT_SERVED_YET = Set.of(OrderServiceFailed.TYPE, ServiceOverdue.TYPE);
    private static final Set<String> REMINDERS = Set.of(ComplianceCheckOverdue.TYPE, ExpiryApproaching.TYPE);
    private static final Set<OrderStatus> ENDED = Set.of(OrderStatus.REVOKED, OrderStatus.VOIDED, OrderStatus.EXPIRED);

    private final OrderStates states;

    OrderStateCheck(OrderStates states) {
        this.states = states;
    }

    @Override
    public Optional<String> supersededBecause(NoticeCause cause, Recipient recipient) {
        return states.of(cause.orderId()).flatMap(state -> decide(cause.eventType(), cause.sequence(), state));
    }

    /** The reason code that supersedes a notice of {@code eventType} and {@code sequence}, if any. */
    static Optional<String> decide(String eventType, long sequence, OrderState state) {
        if (eventType == null || state.sequence() <= sequence) {
            return Optional.empty();
        }
        boolean untrue = NOT_SERVED_YET.contains(eventType) && state.status() != OrderStatus.ISSUED
                || REMINDERS.contains(eventType) && ENDED.contains(state.status())
                || OrderIssued.TYPE.equals(eventType) && state.status() == OrderStatus.VOIDED;
        return untrue ? Optional.of(reason(state.status())) : Optional.empty();
    }

    private static String reason(OrderStatus status) {
        return status == OrderStatus.IN_FORCE ? "ORDER_SERVED" : "ORDER_" + status.name();
    }
}
