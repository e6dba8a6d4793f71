package kz.qorgau.notification.dutyunit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.Prohibition;
import kz.qorgau.notification.notice.EmailContent;
import kz.qorgau.notification.notice.RiskUrgency;

/**
 * The e-mail a duty unit receives about an issued order: plain text, Kazakh first, then Russian.
 * It names the order but nobody in it: no victim or offender data, and no links but the acknowledgement link
 * each attempt adds (docs/adr/0024); the duty unit looks the order up by its number.
 */
final class DutyUnitMessage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm '(UTC'xxx')'");
    private static final String RULE = "----------------------------------------";

    private DutyUnitMessage() {}

    static EmailContent of(OrderIssued order, ZoneId zone) {
        String number = clean(order.orderNumber());
        String subject = "Қорғау нұсқамасы / Защитное предписание № " + number + " (" + clean(order.district()) + ")";
        var body = new StringBuilder();

        body.append("Кезекші бөлімге: қорғау нұсқамасы берілді.\n\n");
        body.append("Нұсқаманың нөмірі: ").append(number).append('\n');
        body.append("Аудан: ").append(clean(order.district())).append('\n');
        body.append("Полиция бөлімшесі: ").append(clean(order.policeUnit())).append('\n');
        body.append("Берілген уақыты: ").append(time(order.issuedAt(), zone)).append('\n');
        if (order.validUntil() != null) {
            body.append("Қолданылу мерзімі: ")
                    .append(time(order.validUntil(), zone))
                    .append(" дейін\n");
        }
        if (order.riskLevel() != null) {
            body.append("Қауіп деңгейі: ")
                    .append(RiskUrgency.kazakh(order.riskLevel()))
                    .append('\n');
        }
        body.append("Тыйым салынады:\n");
        list(body, order.prohibitions(), true);
        body.append("\nТолық мәліметтерді Qorgau жүйесінен (order-service) нұсқаманың нөмірі бойынша қараңыз.\n");

        body.append('\n').append(RULE).append("\n\n");

        body.append("Дежурной части: выдано защитное предписание.\n\n");
        body.append("Номер предписания: ").append(number).append('\n');
        body.append("Район: ").append(clean(order.district())).append('\n');
        body.append("Подразделение полиции: ").append(clean(order.policeUnit())).append('\n');
        body.append("Время выдачи: ").append(time(order.issuedAt(), zone)).append('\n');
        if (order.validUntil() != null) {
            body.append("Действует до: ").append(time(order.validUntil(), zone)).append('\n');
        }
        if (order.riskLevel() != null) {
            body.append("Уровень риска: ")
                    .append(RiskUrgency.russian(order.riskLevel()))
                    .append('\n');
        }
        body.append("Запрещается:\n");
        list(body, order.prohibitions(), false);
        body.append("\nПодробности смотрите в системе Qorgau (order-service) по номеру предписания.\n");

        body.append('\n').append(RULE).append('\n');
        body.append("Бұл хабарлама автоматты түрде жіберілді, оған жауап бермеңіз.\n");
        body.append("Это сообщение отправлено автоматически, не отвечайте на него.\n");
        return new EmailContent(subject, body.toString());
    }

    private static void list(StringBuilder body, List<Prohibition> prohibitions, boolean kazakh) {
        for (int i = 0; i < prohibitions.size(); i++) {
            Prohibition prohibition = prohibitions.get(i);
            body.append("  - ")
                    .append(kazakh ? kazakh(prohibition) : russian(prohibition))
                    .append(i == prohibitions.size() - 1 ? ".\n" : ";\n");
        }
    }

    private static String kazakh(Prohibition prohibition) {
        return switch (prohibition) {
            case DOMESTIC_VIOLENCE -> "тұрмыстық зорлық-зомбылық жасауға";
            case SEEKING_VICTIM -> "жәбірленушіні оның еркінен тыс іздеуге";
            case PURSUING_VICTIM -> "жәбірленушінің оның еркінен тыс соңынан түсуге";
            case VISITING_VICTIM -> "жәбірленушіге оның еркінен тыс баруға";
            case CONTACTING_VICTIM -> "жәбірленушімен оның еркінен тыс сөйлесуге және өзге де байланысқа түсуге";
        };
    }

    private static String russian(Prohibition prohibition) {
        return switch (prohibition) {
            case DOMESTIC_VIOLENCE -> "совершать бытовое насилие";
            case SEEKING_VICTIM -> "разыскивать потерпевшего вопреки его воле";
            case PURSUING_VICTIM -> "преследовать потерпевшего вопреки его воле";
            case VISITING_VICTIM -> "посещать потерпевшего вопреки его воле";
            case CONTACTING_VICTIM -> "вести переговоры и иным образом контактировать с потерпевшим вопреки его воле";
        };
    }

    private static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** Codes come from another service: keep control characters (header injection) out. */
    private static String clean(String code) {
        return code.replaceAll("\\p{Cntrl}", " ").strip();
    }
}
