package kz.qorgau.notification.supervisor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.notification.delivery.NoticeGivenUp;
import kz.qorgau.notification.notice.NoticeCause;
import kz.qorgau.notification.notice.NoticeDraft;
import kz.qorgau.notification.notice.NoticeEscalation;
import kz.qorgau.notification.notice.NoticeRegistration;
import kz.qorgau.notification.notice.Recipient;
import kz.qorgau.notification.notice.Urgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * When a notice is given up, its district's supervisor is told, in the transaction that marks it FAILED,
 * through another channel than the one that failed when the supervisor has one (a broken mail server does not
 * carry the news of its own failure), else through the same channel. A supervisor's own notice that fails
 * tells nobody further; it is counted and alerted on like every failure.
 */
@Component
class SupervisorAlerts {

    static final String ROLE = "SUPERVISOR";

    /** Counter: given-up notices whose district has no supervisor to tell; tag channel. */
    static final String UNREACHABLE = "qorgau.notices.supervisor.unreachable";

    private static final Logger log = LoggerFactory.getLogger(SupervisorAlerts.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SupervisorProperties properties;
    private final NoticeRegistration registration;
    private final MeterRegistry meters;

    SupervisorAlerts(SupervisorProperties properties, NoticeRegistration registration, MeterRegistry meters) {
        this.properties = properties;
        this.registration = registration;
        this.meters = meters;
    }

    @EventListener
    void onGivenUp(NoticeGivenUp givenUp) {
        if (givenUp.reportsNotice() != null) {
            return;
        }
        List<Recipient> supervisor = supervisorOf(givenUp.district());
        NotificationChannel failed = givenUp.recipient().channel();
        List<Recipient> other = supervisor.stream()
                .filter(recipient -> recipient.channel() != failed)
                .toList();
        List<Recipient> chosen = !other.isEmpty()
                ? other
                : supervisor.stream()
                        .filter(recipient ->
                                !recipient.address().equals(givenUp.recipient().address()))
                        .toList();
        if (chosen.isEmpty()) {
            unreachable(failed);
            log.error("Notice {} was given up and no supervisor is configured to be told", givenUp.noticeId());
            return;
        }
        List<NoticeDraft> drafts =
                chosen.stream().map(recipient -> draft(recipient, givenUp)).toList();
        registration.recordFollowUp(givenUp.cause(), givenUp.district(), givenUp.noticeId(), drafts);
    }

    /**
     * An urgent notice stayed unacknowledged (docs/adr/0024): the district's supervisor is told on every channel
     * they have, in the transaction that marks it escalated.
     */
    @EventListener
    void onEscalation(NoticeEscalation escalation) {
        List<Recipient> supervisor = supervisorOf(escalation.district());
        if (supervisor.isEmpty()) {
            unreachable(escalation.recipient().channel());
            log.error("Notice {} was escalated and no supervisor is configured to be told", escalation.noticeId());
            return;
        }
        List<NoticeDraft> drafts = supervisor.stream()
                .map(recipient -> escalationDraft(recipient, escalation))
                .toList();
        registration.recordFollowUp(escalation.cause(), escalation.district(), escalation.noticeId(), drafts);
    }

    private void unreachable(NotificationChannel channel) {
        Counter.builder(UNREACHABLE)
                .description("Notices given up or escalated whose district has no supervisor to tell")
                .tag("channel", channel.name())
                .register(meters)
                .increment();
    }

    private static NoticeDraft escalationDraft(Recipient recipient, NoticeEscalation escalation) {
        String subject = "Қорғау: шұғыл хабарлама расталмады / Qorgau: срочное уведомление не подтверждено ("
                + escalation.recipient().role() + ")";
        long minutes = escalation.unacknowledgedFor().toMinutes();
        if (recipient.channel() == NotificationChannel.WEBHOOK) {
            Map<String, Object> document = document(
                    "kz.qorgau.notice.escalated", escalation.noticeId(), escalation.cause(), escalation.recipient());
            document.put("unacknowledgedMinutes", minutes);
            document.put("resends", escalation.resends());
            document.put("urgency", "URGENT");
            return new NoticeDraft(recipient, Urgency.URGENT, subject, JSON.writeValueAsString(document));
        }
        String body = "Басшыға: шұғыл хабарламаны ешкім растамады, шара қолданыңыз.\n"
                + "Руководителю: срочное уведомление никто не подтвердил, примите меры.\n\n"
                + "Order / Предписание (id): " + escalation.cause().orderId() + "\n"
                + "Event / Событие: " + escalation.cause().eventType() + " "
                + escalation.cause().eventId() + "\n"
                + "Recipient / Получатель: " + escalation.recipient().role() + "\n"
                + "Unacknowledged / Без подтверждения: " + minutes + " min, re-sent / повторов: "
                + escalation.resends() + "\n"
                + "Notice / Уведомление: " + escalation.noticeId() + "\n";
        return new NoticeDraft(recipient, Urgency.URGENT, subject, body);
    }

    /** What a supervisor's webhook is told of any notice it reports on. */
    private static Map<String, Object> document(String type, UUID noticeId, NoticeCause cause, Recipient recipient) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", type);
        document.put("noticeId", noticeId.toString());
        document.put("orderId", cause.orderId());
        document.put("eventId", cause.eventId().toString());
        document.put("eventType", cause.eventType());
        document.put("recipientRole", recipient.role());
        return document;
    }

    private List<Recipient> supervisorOf(String district) {
        String code = district == null ? "" : district.strip().toUpperCase(Locale.ROOT);
        List<Recipient> recipients = new ArrayList<>();
        List<String> emails = byDistrict(properties.supervisors()).getOrDefault(code, properties.fallbackSupervisor());
        emails.stream()
                .map(String::strip)
                .filter(address -> !address.isEmpty())
                .map(address -> new Recipient(ROLE, NotificationChannel.EMAIL, address))
                .forEach(recipients::add);
        properties.supervisorWebhooks().entrySet().stream()
                .filter(entry -> entry.getKey().strip().toUpperCase(Locale.ROOT).equals(code))
                .map(entry -> new Recipient(
                        ROLE, NotificationChannel.WEBHOOK, entry.getValue().toString()))
                .forEach(recipients::add);
        return recipients;
    }

    private static <T> Map<String, T> byDistrict(Map<String, T> configured) {
        Map<String, T> normalised = new LinkedHashMap<>();
        configured.forEach((district, value) -> normalised.put(district.strip().toUpperCase(Locale.ROOT), value));
        return normalised;
    }

    private static NoticeDraft draft(Recipient recipient, NoticeGivenUp givenUp) {
        String subject = "Қорғау: хабарлама жеткізілмеді / Qorgau: уведомление не доставлено ("
                + givenUp.recipient().role() + ", " + givenUp.recipient().channel() + ")";
        if (recipient.channel() == NotificationChannel.WEBHOOK) {
            Map<String, Object> document =
                    document("kz.qorgau.notice.given.up", givenUp.noticeId(), givenUp.cause(), givenUp.recipient());
            document.put("channel", givenUp.recipient().channel().name());
            document.put("reason", givenUp.reason());
            document.put("urgency", "URGENT");
            return new NoticeDraft(recipient, Urgency.URGENT, subject, JSON.writeValueAsString(document));
        }
        String body = "Басшыға: полицияға хабарлама жеткізілмеді, тексеріңіз.\n"
                + "Руководителю: уведомление полиции не доставлено, проверьте.\n\n"
                + "Order / Предписание (id): " + givenUp.cause().orderId() + "\n"
                + "Event / Событие: " + givenUp.cause().eventType() + " "
                + givenUp.cause().eventId() + "\n"
                + "Recipient / Получатель: " + givenUp.recipient().role() + " ("
                + givenUp.recipient().channel()
                + ")\n"
                + "Reason / Причина: " + givenUp.reason() + "\n"
                + "Notice / Уведомление: " + givenUp.noticeId() + "\n";
        return new NoticeDraft(recipient, Urgency.URGENT, subject, body);
    }
}
