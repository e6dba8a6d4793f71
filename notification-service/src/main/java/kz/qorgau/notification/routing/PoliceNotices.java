package kz.qorgau.notification.routing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.notification.delivery.EmailProperties;
import kz.qorgau.notification.notice.NoticeCause;
import kz.qorgau.notification.notice.NoticeDraft;
import kz.qorgau.notification.notice.NoticeRegistration;
import kz.qorgau.notification.notice.Occurrence;
import kz.qorgau.notification.notice.OrderFact;
import kz.qorgau.notification.notice.RecipientKind;
import org.springframework.stereotype.Service;

/**
 * Records the police notices of an event for every recipient kind its routing names, in one transaction
 * (docs/adr/0022); the delivery engine sends them. Safe to call again with the same event: the database keeps
 * one notice per event, recipient and channel. An occurrence none of whose routed kinds has anyone for the order
 * goes to the district's duty unit, so that none goes unannounced.
 */
@Service
public class PoliceNotices {

    /** This handler's name in received_event (kept from when the duty unit was the only recipient). */
    static final String CONSUMER = "duty-unit-alerts";

    static final String DUTY_UNIT = "DUTY_UNIT";

    private final Map<Occurrence, List<RecipientKind>> routes = new EnumMap<>(Occurrence.class);
    private final RecipientKind dutyUnit;
    private final NoticeRegistration registration;
    private final EmailProperties email;

    PoliceNotices(
            List<RecipientKind> kinds,
            RoutingProperties routing,
            NoticeRegistration registration,
            EmailProperties email) {
        Map<String, RecipientKind> byRole =
                kinds.stream().collect(Collectors.toMap(RecipientKind::role, Function.identity()));
        routing.byOccurrence()
                .forEach((occurrence, roles) -> routes.put(
                        occurrence,
                        roles.stream()
                                .map(role -> {
                                    RecipientKind kind = byRole.get(role);
                                    if (kind == null) {
                                        throw new IllegalStateException("qorgau.notification.routing names " + role
                                                + ", which no recipient kind answers to; known: " + byRole.keySet());
                                    }
                                    return kind;
                                })
                                .distinct()
                                .toList()));
        this.dutyUnit = byRole.get(DUTY_UNIT);
        this.registration = registration;
        this.email = email;
    }

    /** The police notices of an issued order: the duty unit's full order text, the others' short notice. */
    public void orderIssued(EventEnvelope<OrderIssued> event) {
        OrderIssued order = event.data();
        record(
                event,
                new OrderFact(
                        Occurrence.ORDER_ISSUED,
                        order.orderId(),
                        order.orderNumber(),
                        order.district(),
                        order.policeUnit(),
                        order.issuedAt()),
                kind -> kind.orderIssued(event));
    }

    /**
     * The police notices of any other event of the order's life; {@code fact} null for an event nobody is told
     * of (served, revoked, ...), which is still recorded as received, with the order's state.
     */
    public void occurred(EventEnvelope<? extends QorgauEvent> event, String district, OrderFact fact) {
        if (fact == null) {
            registration.record(CONSUMER, event, district, List.of());
            return;
        }
        record(event, fact, kind -> Optional.empty());
    }

    private void record(
            EventEnvelope<? extends QorgauEvent> event,
            OrderFact fact,
            Function<RecipientKind, Optional<List<NoticeDraft>>> own) {
        NoticeCause cause = NoticeCause.of(event);
        List<NoticeDraft> drafts = new ArrayList<>();
        for (RecipientKind kind : routes.getOrDefault(fact.what(), List.of())) {
            drafts.addAll(drafts(kind, cause, fact, own));
        }
        if (drafts.isEmpty() && dutyUnit != null) {
            drafts.addAll(drafts(dutyUnit, cause, fact, own));
        }
        registration.record(CONSUMER, event, fact.district(), drafts);
    }

    private List<NoticeDraft> drafts(
            RecipientKind kind,
            NoticeCause cause,
            OrderFact fact,
            Function<RecipientKind, Optional<List<NoticeDraft>>> own) {
        return own.apply(kind).orElseGet(() -> kind.recipients(fact.district(), fact.policeUnit()).stream()
                .map(recipient -> PoliceMessage.draft(recipient, cause, fact, email.timeZone()))
                .toList());
    }
}
