package kz.qorgau.notification.dutyunit;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.notification.notice.EmailContent;
import kz.qorgau.notification.notice.Notice;
import kz.qorgau.notification.notice.NoticeDelivery;
import kz.qorgau.notification.notice.NoticeEmailProperties;
import kz.qorgau.notification.notice.NoticeRegistration;
import kz.qorgau.notification.notice.NoticeStatus;
import kz.qorgau.notification.notice.Recipient;
import org.springframework.stereotype.Service;

/**
 * Tells the duty unit of the order's district that an order was issued: one e-mail notice per
 * address of the unit, each with its own NotificationSent or NotificationFailed.
 *
 * <p>Safe to call again with the same event: registration happens once, only PENDING notices are
 * (re)delivered, and each outcome is recorded once, with its notice's status.
 */
@Service
public class DutyUnitAlerts {

    /** This handler's name in received_event. */
    static final String CONSUMER = "duty-unit-alerts";

    private final DutyUnitDirectory directory;
    private final NoticeRegistration registration;
    private final NoticeDelivery delivery;
    private final NoticeEmailProperties email;

    DutyUnitAlerts(
            DutyUnitDirectory directory,
            NoticeRegistration registration,
            NoticeDelivery delivery,
            NoticeEmailProperties email) {
        this.directory = directory;
        this.registration = registration;
        this.delivery = delivery;
        this.email = email;
    }

    public void orderIssued(EventEnvelope<OrderIssued> event) {
        OrderIssued order = event.data();
        DutyUnit unit = directory.forDistrict(order.district());
        List<Recipient> recipients = unit.addresses().stream()
                .map(address -> new Recipient(DutyUnit.ROLE, NotificationChannel.EMAIL, address))
                .toList();
        List<Notice> pending = registration.register(CONSUMER, event, recipients);
        if (!pending.isEmpty()) {
            EmailContent content = DutyUnitMessage.of(order, email.timeZone());
            for (Notice notice : pending) {
                delivery.deliver(notice.id(), content, event);
            }
        }
        // Each notice's outcome is in the kit's outbox, committed with the notice; the relay publishes it.
    }

    /**
     * The duty unit's recipients of the order that have not been sent its notice (none registered yet,
     * or not delivered): who would never hear of it if the event were dropped.
     */
    public List<Recipient> unsent(EventEnvelope<OrderIssued> event) {
        Set<String> sent = registration.noticesOf(event.id()).stream()
                .filter(notice -> notice.status() == NoticeStatus.SENT)
                .map(notice -> notice.recipient().address())
                .collect(Collectors.toSet());
        return directory.forDistrict(event.data().district()).addresses().stream()
                .filter(address -> !sent.contains(address))
                .map(address -> new Recipient(DutyUnit.ROLE, NotificationChannel.EMAIL, address))
                .toList();
    }
}
