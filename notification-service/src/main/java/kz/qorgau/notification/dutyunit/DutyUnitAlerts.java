package kz.qorgau.notification.dutyunit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.notification.delivery.EmailProperties;
import kz.qorgau.notification.delivery.WebhookProperties;
import kz.qorgau.notification.notice.EmailContent;
import kz.qorgau.notification.notice.NoticeDraft;
import kz.qorgau.notification.notice.NoticeRegistration;
import kz.qorgau.notification.notice.NoticeStatus;
import kz.qorgau.notification.notice.Recipient;
import kz.qorgau.notification.notice.RecipientKind;
import kz.qorgau.notification.notice.Urgency;
import org.springframework.stereotype.Service;

/**
 * The duty unit of the order's district as a recipient kind: one e-mail notice per address of the unit, and
 * one webhook notice if the district has a dispatch webhook, each sent by the delivery engine with its own
 * NotificationSent or NotificationFailed (docs/adr/0022).
 */
@Service
public class DutyUnitAlerts implements RecipientKind {

    private final DutyUnitDirectory directory;
    private final DispatchWebhooks webhooks;
    private final NoticeRegistration registration;
    private final EmailProperties email;

    DutyUnitAlerts(
            DutyUnitDirectory directory,
            DispatchWebhooks webhooks,
            NoticeRegistration registration,
            EmailProperties email,
            WebhookProperties webhook) {
        if (!webhooks.dispatchWebhooks().isEmpty() && !webhook.signs()) {
            throw new IllegalStateException(
                    "qorgau.notification.dispatch-webhooks needs qorgau.notification.webhook.secret to sign with");
        }
        this.directory = directory;
        this.webhooks = webhooks;
        this.registration = registration;
        this.email = email;
    }

    @Override
    public String role() {
        return DutyUnit.ROLE;
    }

    @Override
    public List<Recipient> recipients(String district, String policeUnit) {
        return recipients(district);
    }

    @Override
    public Optional<List<NoticeDraft>> orderIssued(EventEnvelope<OrderIssued> event) {
        OrderIssued order = event.data();
        EmailContent mail = DutyUnitMessage.of(order, email.timeZone());
        List<NoticeDraft> drafts = new ArrayList<>();
        for (Recipient recipient : recipients(order.district())) {
            drafts.add(
                    recipient.channel() == NotificationChannel.WEBHOOK
                            ? new NoticeDraft(
                                    recipient, Urgency.URGENT, mail.subject(), DutyUnitDispatch.of(event, order))
                            : new NoticeDraft(recipient, Urgency.URGENT, mail.subject(), mail.body()));
        }
        return Optional.of(drafts);
    }

    /**
     * The duty unit's recipients of the order that have not been sent its notice (none recorded yet, or not
     * delivered): who would never hear of it if the event were dropped.
     */
    public List<Recipient> unsent(EventEnvelope<OrderIssued> event) {
        Set<String> sent = registration.noticesOf(event.id()).stream()
                .filter(notice -> notice.status() == NoticeStatus.SENT)
                .map(notice ->
                        notice.recipient().channel() + " " + notice.recipient().address())
                .collect(Collectors.toSet());
        return recipients(event.data().district()).stream()
                .filter(recipient -> !sent.contains(recipient.channel() + " " + recipient.address()))
                .toList();
    }

    private List<Recipient> recipients(String district) {
        List<Recipient> recipients = new ArrayList<>();
        directory.forDistrict(district).addresses().stream()
                .map(address -> new Recipient(DutyUnit.ROLE, NotificationChannel.EMAIL, address))
                .forEach(recipients::add);
        webhooks.forDistrict(district)
                .map(uri -> new Recipient(DutyUnit.ROLE, NotificationChannel.WEBHOOK, uri.toString()))
                .ifPresent(recipients::add);
        return recipients;
    }
}
