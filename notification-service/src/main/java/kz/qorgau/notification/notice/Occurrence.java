package kz.qorgau.notification.notice;

import kz.qorgau.events.ArrestEnded;
import kz.qorgau.events.ArrestStarted;
import kz.qorgau.events.ComplianceCheckOverdue;
import kz.qorgau.events.ExpiryApproaching;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.OrderServiceFailed;
import kz.qorgau.events.PersonCheckHit;
import kz.qorgau.events.RiskLevelChanged;
import kz.qorgau.events.ServiceOverdue;
import kz.qorgau.events.VictimRequestedHelp;
import kz.qorgau.events.ViolationReported;

/**
 * What in an order's life the police are told of (issue 13's list), with its urgency and its name in the
 * notice's two languages, and in English where the notice has it too. Routing (`qorgau.notification.routing.*`)
 * says who is told of each.
 */
public enum Occurrence {
    ORDER_ISSUED(OrderIssued.TYPE, Urgency.URGENT, "Қорғау нұсқамасы берілді", "Выдано защитное предписание"),
    SERVICE_FAILED(
            OrderServiceFailed.TYPE,
            Urgency.ROUTINE,
            "Нұсқаманы тапсыру сәтсіз болды",
            "Не удалось вручить предписание"),
    SERVICE_OVERDUE(
            ServiceOverdue.TYPE, Urgency.ROUTINE, "Нұсқама мерзімінде тапсырылмады", "Предписание не вручено в срок"),
    /** The most urgent path in the system: police act on each report on its own. */
    VIOLATION_REPORTED(
            ViolationReported.TYPE,
            Urgency.URGENT,
            "Нұсқаманы бұзу туралы хабарланды",
            "Сообщено о нарушении предписания"),
    ARREST_STARTED(ArrestStarted.TYPE, Urgency.URGENT, "Әкімшілік қамау басталды", "Начат административный арест"),
    ARREST_ENDED(ArrestEnded.TYPE, Urgency.URGENT, "Әкімшілік қамау аяқталды", "Административный арест окончен"),
    CHECK_OVERDUE(
            ComplianceCheckOverdue.TYPE,
            Urgency.ROUTINE,
            "Бақылау тексерісі мерзімінде жүргізілмеді",
            "Контрольная проверка просрочена"),
    EXPIRY_APPROACHING(
            ExpiryApproaching.TYPE,
            Urgency.ROUTINE,
            "Нұсқаманың қолданылу мерзімі аяқталуға жақын",
            "Срок действия предписания истекает"),
    /**
     * A person check found the person in an active order (NCIC's hit confirmation): the offender was encountered, or
     * a protected person was checked, perhaps by an insider. Routine unless the event makes it urgent (docs/adr/0028).
     */
    PERSON_CHECK_HIT(PersonCheckHit.TYPE, Urgency.ROUTINE, "Тексеру кезінде адам табылды", "Лицо найдено при проверке"),
    /**
     * A victim's verified contact answered HELP (docs/adr/0036): the highest urgency, acknowledged and escalated like
     * a violation. In English too, as the victim's own notices: the officer who calls back may need it.
     */
    VICTIM_REQUESTED_HELP(
            VictimRequestedHelp.TYPE,
            Urgency.URGENT,
            "Жәбірленуші көмек сұрады",
            "Потерпевший просит помощи",
            "The victim asked for help"),
    /** A re-assessment raised the order's risk level to HIGH or EXTREME (docs/adr/0039). */
    RISK_RAISED(RiskLevelChanged.TYPE, Urgency.URGENT, "Қауіп деңгейі көтерілді", "Уровень риска повышен");

    private final String eventType;
    private final Urgency urgency;
    private final String kazakh;
    private final String russian;
    private final String english;

    Occurrence(String eventType, Urgency urgency, String kazakh, String russian) {
        this(eventType, urgency, kazakh, russian, null);
    }

    Occurrence(String eventType, Urgency urgency, String kazakh, String russian, String english) {
        this.eventType = eventType;
        this.urgency = urgency;
        this.kazakh = kazakh;
        this.russian = russian;
        this.english = english;
    }

    /** The CloudEvents type of the event that tells of it. */
    public String eventType() {
        return eventType;
    }

    public Urgency urgency() {
        return urgency;
    }

    public String kazakh() {
        return kazakh;
    }

    public String russian() {
        return russian;
    }

    /** Its name in English, for a notice that has an English part; empty for the others (Kazakh and Russian). */
    public java.util.Optional<String> english() {
        return java.util.Optional.ofNullable(english);
    }
}
