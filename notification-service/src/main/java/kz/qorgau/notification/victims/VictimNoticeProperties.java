package kz.qorgau.notification.victims;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.qorgau.events.RiskLevel;
import kz.qorgau.notification.notice.RiskUrgency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qorgau.notification.victims.*}: what victims' verified contacts are told, and how urgently (issue 14).
 *
 * @param toldOf the notices the victim's contacts are told of (all by default), as the police routing names
 *     occurrences; nothing ever goes to the offender
 * @param urgent the notices sent in quiet hours too; the others wait until the contact's quiet hours end
 * @param urgentAtHighRisk the notices sent in quiet hours too when the order is at HIGH or EXTREME risk
 *     (docs/adr/0039): by default all but the reminders and the court's measures, which waking nobody makes safer
 * @param timeZone the zone of the contacts' quiet hours
 * @param callNumber the number to call, in every notice
 * @param familySupportCentre the Family Support Centre's name (Law 245-VIII) per language, in ending notices
 * @param familySupportCentrePhone a region's own number for its centre; none by default, then the help line's
 * @param helpLine the national help line ending notices give for the centre, with its confidence mark: 111, the
 *     contact centre for families, women and children (24/7, text chat too; domain-notes 5.1, SECONDARY)
 * @param notServedDelay how long after order-service's "service overdue" the victim is told it is not served yet
 *     (superseded if it is served meanwhile)
 */
@ConfigurationProperties("qorgau.notification.victims")
public record VictimNoticeProperties(
        List<VictimNotice> toldOf,
        List<VictimNotice> urgent,
        List<VictimNotice> urgentAtHighRisk,
        @DefaultValue("Asia/Almaty") ZoneId timeZone,
        @DefaultValue("102") String callNumber,
        Map<String, String> familySupportCentre,
        String familySupportCentrePhone,
        @DefaultValue HelpLine helpLine,
        @DefaultValue("0s") Duration notServedDelay) {

    static final Set<VictimNotice> DEFAULT_URGENT =
            EnumSet.of(VictimNotice.VIOLATION, VictimNotice.RELEASED, VictimNotice.HELP_REPLY);

    static final Set<VictimNotice> DEFAULT_URGENT_AT_HIGH_RISK = EnumSet.complementOf(EnumSet.of(
            VictimNotice.NOT_SERVED_YET,
            VictimNotice.EXPIRY_APPROACHING,
            VictimNotice.REQUIREMENTS_IMPOSED,
            VictimNotice.REQUIREMENTS_EXTENDED));

    static final Map<String, String> DEFAULT_CENTRE =
            Map.of("kk", "Отбасын қолдау орталығы", "ru", "Центр поддержки семьи", "en", "the Family Support Centre");

    public VictimNoticeProperties {
        toldOf = toldOf == null ? List.of(VictimNotice.values()) : List.copyOf(toldOf);
        urgent = urgent == null ? List.copyOf(DEFAULT_URGENT) : List.copyOf(urgent);
        urgentAtHighRisk =
                urgentAtHighRisk == null ? List.copyOf(DEFAULT_URGENT_AT_HIGH_RISK) : List.copyOf(urgentAtHighRisk);
        familySupportCentre = familySupportCentre == null || familySupportCentre.isEmpty()
                ? DEFAULT_CENTRE
                : Map.copyOf(familySupportCentre);
        helpLine = helpLine == null ? new HelpLine(null, null) : helpLine;
        if (notServedDelay.isNegative()) {
            throw new IllegalArgumentException("qorgau.notification.victims.not-served-delay must not be negative");
        }
    }

    /**
     * A number to call for help, with how sure we are of it (the marks of domain-notes.md, as the law's facts in
     * order-service: VERIFIED, SECONDARY, UNVERIFIED or POLICY).
     */
    public record HelpLine(@DefaultValue("111") String number, @DefaultValue("SECONDARY") String confidence) {

        static final java.util.Set<String> MARKS = Set.of("VERIFIED", "SECONDARY", "UNVERIFIED", "POLICY");

        public HelpLine {
            number = number == null ? "111" : number.strip();
            confidence = confidence == null ? "SECONDARY" : confidence;
            if (number.isEmpty() || !number.matches("[0-9 +()-]{1,20}")) {
                throw new IllegalArgumentException(
                        "qorgau.notification.victims.help-line.number must be a phone number");
            }
            if (!MARKS.contains(confidence)) {
                throw new IllegalArgumentException(
                        "qorgau.notification.victims.help-line.confidence must be one of " + MARKS);
            }
        }
    }

    /** The centre's number in ending notices: the region's own, else the national help line. */
    String familySupportCentreNumber() {
        return familySupportCentrePhone == null || familySupportCentrePhone.isBlank()
                ? helpLine.number()
                : familySupportCentrePhone.strip();
    }

    /** The help line, named after the centre's own number; none when the centre is reached through it. */
    java.util.Optional<String> helpLineBesidesCentre() {
        String centre = familySupportCentreNumber();
        return centre.equals(helpLine.number()) ? java.util.Optional.empty() : java.util.Optional.of(helpLine.number());
    }

    boolean isUrgent(VictimNotice notice) {
        return urgent.contains(notice);
    }

    /** Whether {@code notice} goes in quiet hours too, about an order at {@code level} (null: not known). */
    boolean isUrgent(VictimNotice notice, RiskLevel level) {
        return isUrgent(notice) || RiskUrgency.raises(level) && urgentAtHighRisk.contains(notice);
    }

    String familySupportCentre(String language) {
        return familySupportCentre.getOrDefault(
                language, DEFAULT_CENTRE.getOrDefault(language, DEFAULT_CENTRE.get("kk")));
    }
}
