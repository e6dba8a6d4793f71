package kz.qorgau.notification.routing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.PersonCheckHit;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.notification.delivery.EmailProperties;
import kz.qorgau.notification.notice.NoticeCause;
import kz.qorgau.notification.notice.NoticeDraft;
import kz.qorgau.notification.notice.NoticeRegistration;
import kz.qorgau.notification.notice.Occurrence;
import kz.qorgau.notification.notice.OrderFact;
import kz.qorgau.notification.notice.Recipient;
import kz.qorgau.notification.notice.RecipientKind;
import kz.qorgau.notification.notice.Urgency;
import kz.qorgau.notification.orderstate.OrderRisks;
import org.springframework.stereotype.Service;

/**
 * Records the police notices of an event for every recipient kind its routing names, in one transaction
 * (docs/adr/0022); the delivery engine sends them. Safe to call again with the same event: the database keeps
 * one notice per event, recipient and channel. An occurrence none of whose routed kinds has anyone for the order
 * goes to the district's duty unit, so that none goes unannounced. Each notice knows its order's risk level, from
 * the event or as last heard: at HIGH or EXTREME a routine notice is urgent and the level is named (docs/adr/0039).
 */
@Service
public class PoliceNotices {

    /** This handler's name in received_event (kept from when the duty unit was the only recipient). */
    static final String CONSUMER = "duty-unit-alerts";

    static final String DUTY_UNIT = "DUTY_UNIT";

    /** The person check hits' handler in received_event. */
    static final String HITS_CONSUMER = "person-check-hits";

    private final Map<Occurrence, List<RecipientKind>> routes = new EnumMap<>(Occurrence.class);
    private final RecipientKind dutyUnit;
    private final NoticeRegistration registration;
    private final EmailProperties email;
    private final OrderRisks risks;

    PoliceNotices(
            List<RecipientKind> kinds,
            RoutingProperties routing,
            NoticeRegistration registration,
            EmailProperties email,
            OrderRisks risks) {
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
        this.risks = risks;
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
                                order.issuedAt())
                        .atRisk(order.riskLevel()),
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

    /**
     * The notices of a person check's hit (docs/adr/0028): for each matched order, the kinds routed for {@link
     * Occurrence#PERSON_CHECK_HIT} (its issuing unit by default, else the order's duty unit), one notice per
     * recipient however many of its orders matched. Urgent when a protected person was checked by an officer of
     * another district than the order's (a possible sign of stalking by an insider); routine otherwise.
     */
    public void personCheckHit(EventEnvelope<PersonCheckHit> event) {
        PersonCheckHit hit = event.data();
        NoticeCause cause = NoticeCause.of(event);
        Map<Recipient, NoticeDraft> byRecipient = new LinkedHashMap<>();
        for (PersonCheckHit.Match match : hit.matches()) {
            boolean elsewhere = !match.district().equals(hit.checker().district());
            boolean urgent = hit.personWas() == PersonCheckHit.PersonRole.PROTECTED_PERSON && elsewhere;
            OrderFact fact = new OrderFact(
                    Occurrence.PERSON_CHECK_HIT,
                    match.orderId(),
                    match.orderNumber(),
                    match.district(),
                    match.policeUnit(),
                    hit.checkedAt(),
                    urgent ? Urgency.URGENT : Urgency.ROUTINE,
                    hitDetail(hit));
            routed(cause, fact, kind -> Optional.empty())
                    .forEach(draft -> byRecipient.putIfAbsent(draft.recipient(), draft));
        }
        registration.record(HITS_CONSUMER, event, hit.matches().get(0).district(), List.copyOf(byRecipient.values()));
    }

    /**
     * The police notices of a victim's HELP (docs/adr/0036), for the caller to record in its transaction: the kinds
     * routed for {@link Occurrence#VICTIM_REQUESTED_HELP} (the duty unit by default), urgent, naming the order and the
     * unit to call, never the contact.
     */
    public List<NoticeDraft> victimRequestedHelp(NoticeCause cause, OrderFact fact) {
        return routed(cause, fact, kind -> Optional.empty());
    }

    private static String hitDetail(PersonCheckHit hit) {
        boolean offender = hit.personWas() == PersonCheckHit.PersonRole.OFFENDER;
        String checker = hit.checker().subject() + " ("
                + (hit.checker().district() == null ? "-" : hit.checker().district()) + ")";
        return (offender
                        ? "Құқық бұзушы ретінде тексерілді / Проверен как нарушитель"
                        : "Қорғалатын адам ретінде тексерілді / Проверен как защищаемое лицо")
                + "; тексерген / проверил: " + checker;
    }

    private void record(
            EventEnvelope<? extends QorgauEvent> event,
            OrderFact fact,
            Function<RecipientKind, Optional<List<NoticeDraft>>> own) {
        registration.record(CONSUMER, event, fact.district(), routed(NoticeCause.of(event), fact, own));
    }

    /**
     * The drafts of the kinds routed for the fact's occurrence; the duty unit's if none of them has anyone. The order's
     * risk level is the event's (an order issued, a level raised), else the one last heard of.
     */
    private List<NoticeDraft> routed(
            NoticeCause cause, OrderFact known, Function<RecipientKind, Optional<List<NoticeDraft>>> own) {
        OrderFact fact = known.riskLevel() != null
                ? known
                : known.atRisk(risks.of(known.orderId()).orElse(null));
        List<NoticeDraft> drafts = new ArrayList<>();
        for (RecipientKind kind : routes.getOrDefault(fact.what(), List.of())) {
            drafts.addAll(drafts(kind, cause, fact, own));
        }
        if (drafts.isEmpty() && dutyUnit != null) {
            drafts.addAll(drafts(dutyUnit, cause, fact, own));
        }
        return drafts;
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
