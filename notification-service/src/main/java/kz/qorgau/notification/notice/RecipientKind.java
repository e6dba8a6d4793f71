package kz.qorgau.notification.notice;

import java.util.List;
import java.util.Optional;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.envelope.EventEnvelope;

/**
 * One kind of police recipient (the district's duty unit, the issuing officer's unit, the district inspector):
 * who of that kind is told about an order, and how. Routing configuration chooses which kinds are told of which
 * occurrence.
 */
public interface RecipientKind {

    /** The role code of its recipients, in events and metric tags (e.g. {@code DUTY_UNIT}). */
    String role();

    /** Who of this kind is told about an order of the district and issuing unit; none where nobody is configured. */
    List<Recipient> recipients(String district, String policeUnit);

    /**
     * This kind's own notices about an issued order (the duty unit's full order text), or empty to be told of it
     * like of any other occurrence.
     */
    default Optional<List<NoticeDraft>> orderIssued(EventEnvelope<OrderIssued> event) {
        return Optional.empty();
    }
}
