package kz.qorgau.notification.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.notification.notice.NoticeDraft;
import kz.qorgau.notification.notice.NoticeRegistration;
import kz.qorgau.notification.notice.RecipientKind;
import org.springframework.stereotype.Service;

/**
 * Records the police notices of an event for every recipient kind its routing names, in one transaction
 * (docs/adr/0022); the delivery engine sends them. Safe to call again with the same event: the database keeps
 * one notice per event, recipient and channel.
 */
@Service
public class PoliceNotices {

    /** This handler's name in received_event (kept from when the duty unit was the only recipient). */
    static final String CONSUMER = "duty-unit-alerts";

    private final List<RecipientKind> orderIssued;
    private final NoticeRegistration registration;

    PoliceNotices(List<RecipientKind> kinds, RoutingProperties routing, NoticeRegistration registration) {
        Map<String, RecipientKind> byRole =
                kinds.stream().collect(Collectors.toMap(RecipientKind::role, Function.identity()));
        this.orderIssued = routing.orderIssued().stream()
                .map(role -> {
                    RecipientKind kind = byRole.get(role);
                    if (kind == null) {
                        throw new IllegalStateException("qorgau.notification.routing.order-issued names " + role
                                + ", which no recipient kind answers to; known: " + byRole.keySet());
                    }
                    return kind;
                })
                .distinct()
                .toList();
        this.registration = registration;
    }

    public void orderIssued(EventEnvelope<OrderIssued> event) {
        List<NoticeDraft> drafts = new ArrayList<>();
        orderIssued.forEach(kind -> drafts.addAll(kind.orderIssued(event)));
        registration.record(CONSUMER, event, event.data().district(), drafts);
    }
}
