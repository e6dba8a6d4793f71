package kz.qorgau.order.lifecycle;

import java.util.UUID;
import kz.qorgau.order.platform.CanonicalUuid;
import kz.qorgau.order.protectiveorder.OrderRepresentation;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import kz.qorgau.order.protectiveorder.ProtectiveOrders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** What a change answers: the order as it is now, with its new ETag. */
@Component
public class ChangeAnswers {

    /** The caller's text of an order's id in the path; a malformed one names no order (404). */
    public static UUID orderId(String id) {
        return CanonicalUuid.parse(id).orElseThrow(OrderChanges::notFound);
    }

    private final ProtectiveOrders orders;

    ChangeAnswers(ProtectiveOrders orders) {
        this.orders = orders;
    }

    /** {@code body}, with the order's ETag as it is after a committed change. */
    public <T> ResponseEntity<T> withOrderETag(UUID orderId, HttpStatus status, T body) {
        ProtectiveOrder order = orders.findById(orderId).orElseThrow(OrderChanges::notFound);
        return ResponseEntity.status(status).eTag(ETags.of(order.version())).body(body);
    }

    /** The order after a committed change. */
    public ResponseEntity<OrderRepresentation> order(UUID orderId) {
        ProtectiveOrder order = orders.findById(orderId).orElseThrow(OrderChanges::notFound);
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderRepresentation.of(order));
    }
}
