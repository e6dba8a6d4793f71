package kz.qorgau.notification.routing;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.notification.notice.NoticeCause;
import kz.qorgau.notification.notice.NoticeDraft;
import kz.qorgau.notification.notice.OrderFact;
import kz.qorgau.notification.notice.Recipient;
import kz.qorgau.notification.notice.RiskUrgency;
import tools.jackson.databind.json.JsonMapper;

/**
 * The police's notice of an occurrence in an order's life: a plain-text e-mail, Kazakh first, then Russian (then
 * English, for an occurrence named in English: a victim's HELP), or the same as a webhook's JSON document. Names the order by its number, nobody in it; the police look it up.
 */
final class PoliceMessage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm '(UTC'xxx')'");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PoliceMessage() {}

    static NoticeDraft draft(Recipient recipient, NoticeCause cause, OrderFact fact, ZoneId zone) {
        String number = clean(fact.orderNumber());
        String subject = "Қорғау / Qorgau: " + fact.what().kazakh() + " / "
                + fact.what().russian() + " № " + number + " (" + clean(fact.district()) + ")";
        if (recipient.channel() == NotificationChannel.WEBHOOK) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("type", cause.eventType());
            document.put("eventId", cause.eventId().toString());
            document.put("occurrence", fact.what().name());
            document.put("orderId", fact.orderId());
            document.put("orderNumber", fact.orderNumber());
            document.put("district", fact.district());
            document.put("policeUnit", fact.policeUnit());
            document.put("at", fact.at() == null ? null : fact.at().toString());
            document.put("urgency", fact.urgency().name());
            document.put("detail", fact.detail());
            document.put(
                    "riskLevel",
                    fact.riskLevel() == null ? null : fact.riskLevel().name());
            return new NoticeDraft(recipient, fact.urgency(), subject, JSON.writeValueAsString(document));
        }
        String at = fact.at() == null ? "-" : TIME.format(fact.at().atZone(zone));
        String detail = fact.detail() == null ? "" : clean(fact.detail()) + "\n";
        String kazakhRisk =
                fact.riskLevel() == null ? "" : "Қауіп деңгейі: " + RiskUrgency.kazakh(fact.riskLevel()) + "\n";
        String russianRisk =
                fact.riskLevel() == null ? "" : "Уровень риска: " + RiskUrgency.russian(fact.riskLevel()) + "\n";
        String body = fact.what().kazakh() + ".\n\n"
                + "Нұсқаманың нөмірі: " + number + "\n"
                + "Аудан: " + clean(fact.district()) + "\n"
                + "Полиция бөлімшесі: " + clean(fact.policeUnit()) + "\n"
                + "Уақыты: " + at + "\n"
                + kazakhRisk
                + detail
                + "Толық мәліметтерді Qorgau жүйесінен нұсқаманың нөмірі бойынша қараңыз.\n\n"
                + "----------------------------------------\n\n"
                + fact.what().russian() + ".\n\n"
                + "Номер предписания: " + number + "\n"
                + "Район: " + clean(fact.district()) + "\n"
                + "Подразделение полиции: " + clean(fact.policeUnit()) + "\n"
                + "Время: " + at + "\n"
                + russianRisk
                + detail
                + "Подробности смотрите в системе Qorgau по номеру предписания.\n\n"
                + fact.what()
                        .english()
                        .map(english -> "----------------------------------------\n\n"
                                + english + ".\n\n"
                                + "Order number: " + number + "\n"
                                + "District: " + clean(fact.district()) + "\n"
                                + "Police unit: " + clean(fact.policeUnit()) + "\n"
                                + "Time: " + at + "\n"
                                + detail
                                + "See the details in Qorgau by the order's number.\n\n")
                        .orElse("")
                + "----------------------------------------\n"
                + "Бұл хабарлама автоматты түрде жіберілді, оған жауап бермеңіз.\n"
                + "Это сообщение отправлено автоматически, не отвечайте на него.\n"
                + fact.what()
                        .english()
                        .map(english -> "This message was sent automatically; do not reply to it.\n")
                        .orElse("");
        return new NoticeDraft(recipient, fact.urgency(), subject, body);
    }

    /** Codes come from another service: keep control characters (header injection) out. */
    private static String clean(String code) {
        return code == null ? "-" : code.replaceAll("\\p{Cntrl}", " ").strip();
    }
}
