package kz.qorgau.order.lifecycle;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.kit.outbox.Outbox;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.protectiveorder.OrderStatus;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import kz.qorgau.order.protectiveorder.ProtectiveOrders;
import kz.qorgau.order.security.OrderAccess;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * How every change of an order is made, in the caller's transaction: lock the order, check who may
 * change it (404 for an order the caller may not see, 403 for one seen only under break-glass), its
 * ETag (428, 412) and the state machine (409), each refusal a problem detail before anything is
 * written; then raise its version and write the change's event to the outbox with the order's next
 * sequence number, so the row and the event commit together.
 */
@Component
public class OrderChanges {

    public static final URI IMPOSSIBLE_TRANSITION = URI.create("urn:qorgau:problem:impossible-transition");
    public static final URI ORDER_NOT_FOUND = URI.create("urn:qorgau:problem:order-not-found");

    private final ProtectiveOrders orders;
    private final OrderAccess access;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher changed;

    OrderChanges(
            ProtectiveOrders orders,
            OrderAccess access,
            Outbox outbox,
            JdbcClient jdbc,
            Clock clock,
            ApplicationEventPublisher changed) {
        this.orders = orders;
        this.access = access;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
        this.changed = changed;
    }

    /** The order locked for a change by {@code staff}, and the time of the change. */
    public record Change(ProtectiveOrder order, OrderStatus next, Instant now) {}

    /**
     * Locks the order and checks that {@code staff} may make {@code action} on it now, at the version
     * {@code ifMatch} names.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Change begin(Staff staff, UUID orderId, String ifMatch, Action action) {
        ProtectiveOrder order = lock(orderId).orElseThrow(OrderChanges::notFound);
        if (access.decide(staff, order) instanceof OrderAccess.Hidden) {
            throw notFound();
        }
        // A break-glass grant opens an order for reading in an emergency, never for changing it.
        access.requireOwnDistrict(staff, order.district());
        ETags.require(ifMatch, order.version());
        return new Change(order, next(order, action), now());
    }

    /** Locks the order for a change the clock makes (a timed event): no caller, no ETag. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Change> beginTimed(UUID orderId, Action action) {
        return lock(orderId)
                .flatMap(
                        order -> OrderLifecycle.decide(order.status(), action) instanceof OrderLifecycle.Allowed allowed
                                ? Optional.of(new Change(order, allowed.next(), now()))
                                : Optional.empty());
    }

    /** Refuses with 409 unless {@code decision} allows. */
    public static void require(OrderLifecycle.Decision decision) {
        if (decision instanceof OrderLifecycle.Refused refused) {
            throw impossible(refused.reason());
        }
    }

    /**
     * Records the change: the new status, a raised version, and the event with the order's next sequence
     * number.
     *
     * @return the event as it went to the outbox
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope<QorgauEvent> commit(Change change, QorgauEvent event) {
        jdbc.sql(
                        """
                        UPDATE protective_order SET status = :status, version = version + 1
                        WHERE id = :id
                        """)
                .param("status", change.next().name())
                .param("id", change.order().id())
                .update();
        EventEnvelope<QorgauEvent> envelope = publish(change.order().id(), event);
        changed.publishEvent(new OrderChanged(envelope.type(), change.order().district()));
        return envelope;
    }

    /**
     * Records an event of the order without changing its status or version (a timed notice): the
     * envelope, so the caller can key its own row by the event's id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope<QorgauEvent> publish(UUID orderId, QorgauEvent event) {
        EventEnvelope<QorgauEvent> envelope =
                EventEnvelope.of(EventSources.ORDER_SERVICE, orders.nextEventSequence(orderId), event);
        outbox.append(envelope);
        return envelope;
    }

    private Optional<ProtectiveOrder> lock(UUID orderId) {
        boolean exists = jdbc.sql("SELECT id FROM protective_order WHERE id = :id FOR UPDATE")
                .param("id", orderId)
                .query(UUID.class)
                .optional()
                .isPresent();
        return exists ? orders.findById(orderId) : Optional.empty();
    }

    private static OrderStatus next(ProtectiveOrder order, Action action) {
        OrderLifecycle.Decision decision = OrderLifecycle.decide(order.status(), action);
        require(decision);
        return ((OrderLifecycle.Allowed) decision).next();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public static ErrorResponseException impossible(String reason) {
        return Problems.error(
                HttpStatus.CONFLICT, IMPOSSIBLE_TRANSITION, "Impossible change", reason + " Nothing was recorded.");
    }

    public static ErrorResponseException notFound() {
        return Problems.error(
                HttpStatus.NOT_FOUND,
                ORDER_NOT_FOUND,
                "Order not found",
                "There is no protective order with this id that you may read.");
    }
}
