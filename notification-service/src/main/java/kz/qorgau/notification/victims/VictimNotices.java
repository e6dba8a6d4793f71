package kz.qorgau.notification.victims;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.RiskLevel;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.notification.contacts.ContactDirectory;
import kz.qorgau.notification.delivery.SealedRecipients;
import kz.qorgau.notification.notice.NoticeDraft;
import kz.qorgau.notification.notice.NoticeRegistration;
import kz.qorgau.notification.notice.Recipient;
import kz.qorgau.notification.notice.Urgency;
import kz.qorgau.notification.orderstate.OrderRisks;
import org.springframework.stereotype.Service;

/**
 * Records what an order's verified contacts are told of an event of its life (issue 14, docs/adr/0036), in one
 * short transaction, once per event (received_event); the delivery engine sends them, asking {@code ContactGate}
 * (still verified?) and the order's state (still true?) before each attempt. The text is rendered now, in each
 * contact's language, with a placeholder for the reply link, which is signed just before the attempt. A routine
 * notice recorded in the contact's quiet hours is due when they end; an urgent one at once. Nothing goes to the
 * offender: the only recipients are the victim's own verified contacts.
 */
@Service
public class VictimNotices {

    /** The recipient role of a victim's contact, in events and metric tags. */
    public static final String ROLE = "VICTIM_CONTACT";

    /** Filled with the contact's signed reply link just before each attempt. */
    public static final String REPLY_LINK = "{reply-link}";

    static final String CONSUMER = "victim-notices";

    private final ContactDirectory contacts;
    private final NoticeRegistration registration;
    private final VictimNoticeProperties properties;
    private final OrderRisks risks;
    private final Clock clock;
    private final VictimTemplates templates = new VictimTemplates();

    VictimNotices(
            ContactDirectory contacts,
            NoticeRegistration registration,
            VictimNoticeProperties properties,
            OrderRisks risks,
            Clock clock) {
        this.contacts = contacts;
        this.registration = registration;
        this.properties = properties;
        this.risks = risks;
        this.clock = clock;
    }

    /** The victim's notices of an event of the order's life; none for an event they are not told of. */
    public void occurred(EventEnvelope<? extends QorgauEvent> event) {
        Optional<VictimNotice> notice = VictimNotice.of(event.type()).filter(properties.toldOf()::contains);
        Optional<UUID> orderId = orderId(event.subject());
        if (notice.isEmpty() || orderId.isEmpty()) {
            return;
        }
        List<ContactDirectory.Reachable> reachable = contacts.verifiedOf(orderId.get());
        if (reachable.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant from = notice.get() == VictimNotice.NOT_SERVED_YET ? now.plus(properties.notServedDelay()) : now;
        // The level as last heard: a routine notice of an order at HIGH or EXTREME risk may go in quiet hours too.
        RiskLevel level = risks.of(orderId.get().toString()).orElse(null);
        List<NoticeDraft> drafts = new ArrayList<>();
        for (ContactDirectory.Reachable contact : reachable) {
            drafts.add(draft(notice.get(), contact, from, level));
        }
        registration.record(CONSUMER, event, reachable.get(0).district(), drafts);
    }

    /** The immediate answer to a contact's HELP, in its language: urgent, never held by quiet hours. */
    public NoticeDraft helpReply(ContactDirectory.Reachable contact) {
        return draft(VictimNotice.HELP_REPLY, contact, clock.instant(), null);
    }

    /**
     * One contact's notice, rendered in its language; held until its quiet hours end unless urgent, as the notice is
     * or as the order's risk {@code level} makes it (docs/adr/0039).
     */
    NoticeDraft draft(VictimNotice notice, ContactDirectory.Reachable contact, Instant from, RiskLevel level) {
        boolean urgent = properties.isUrgent(notice, level);
        VictimTemplates.Rendered text = templates.render(
                notice,
                contact.language(),
                model(contact, true),
                contact.channel() == kz.qorgau.events.NotificationChannel.EMAIL);
        Instant notBefore = urgent
                ? null
                : QuietHours.end(from, contact.quietFrom(), contact.quietUntil(), properties.timeZone())
                        .orElse(from);
        return new NoticeDraft(
                new Recipient(ROLE, contact.channel(), SealedRecipients.address(contact.id())),
                urgent ? Urgency.URGENT : Urgency.ROUTINE,
                text.subject(),
                text.body(),
                notBefore);
    }

    /** What a template may name: the order's number, the numbers to call and the reply link's placeholder. */
    Map<String, Object> model(ContactDirectory.Reachable contact, boolean withReplyLink) {
        Map<String, Object> model = new HashMap<>();
        model.put("orderNumber", contact.orderNumber() == null ? "-" : contact.orderNumber());
        model.put("callNumber", properties.callNumber());
        model.put("familySupportCentre", properties.familySupportCentre(contact.language()));
        model.put("familySupportCentrePhone", properties.familySupportCentreNumber());
        properties.helpLineBesidesCentre().ifPresent(helpLine -> model.put("helpLine", helpLine));
        if (withReplyLink) {
            model.put("replyLink", REPLY_LINK);
        }
        return model;
    }

    VictimTemplates templates() {
        return templates;
    }

    private static Optional<UUID> orderId(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
