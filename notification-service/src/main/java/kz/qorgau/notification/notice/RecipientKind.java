package kz.qorgau.notification.notice;

import java.util.List;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.envelope.EventEnvelope;

/**
 * One kind of police recipient (the district's duty unit today; the issuing officer's unit and the district
 * inspector are further kinds): who of that kind is told about an event, how, and with what text. Routing
 * configuration chooses which kinds are told of which event.
 */
public interface RecipientKind {

    /** The role code of its recipients, in events and metric tags (e.g. {@code DUTY_UNIT}). */
    String role();

    /** The notices this kind gets about an issued order; none where it has nobody for the order's district. */
    List<NoticeDraft> orderIssued(EventEnvelope<OrderIssued> event);
}
