package kz.qorgau.events;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The police recorded (or replaced) the days on which the offender reports under their special requirements:
 * named dates, or a weekday and its weeks of the month ("first and third Monday": MONDAY, [1, 3]). Published by
 * order-service on {@code qorgau.orders}, keyed like {@link SpecialRequirementsImposed}. The days a visit is
 * then missed on are {@link ReportingVisitMissed}. No personal data.
 *
 * @param orderId the protective order that led to the requirements (UUID string); null or absent when none did.
 * @param requirementsId the special requirements' id; the CloudEvents subject and the Kafka key when there is no orderId.
 * @param district code of the administrative district that supervises them.
 * @param dates the named reporting days (ISO 8601 dates, in Asia/Almaty), ascending; empty for a rule.
 * @param weekday with weeks, the weekday of the rule; null or absent for named dates.
 * @param weeks with weekday, which of the month's such weekdays (1 to 4), ascending; empty for named dates.
 * @param recordedBy personnel id of the officer or supervisor who recorded the schedule (never a name).
 * @param recordedAt when the schedule was recorded (RFC 3339); days before it never count as missed.
 */
public record ReportingScheduleRecorded(
        String orderId,
        String requirementsId,
        String district,
        List<LocalDate> dates,
        DayOfWeek weekday,
        List<Integer> weeks,
        String recordedBy,
        Instant recordedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.reporting.schedule.recorded.v1";

    public ReportingScheduleRecorded {
        Checks.measureLink(TYPE, orderId, "requirementsId", requirementsId);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        dates = Checks.distinct(TYPE, "dates", dates);
        weeks = Checks.distinct(TYPE, "weeks", weeks);
        boolean byRule = weekday != null;
        if (byRule == !dates.isEmpty()) {
            throw new EventContractException(TYPE, "dates", "name either dates, or a weekday and its weeks");
        }
        if (byRule != !weeks.isEmpty()) {
            throw new EventContractException(TYPE, "weeks", "are given exactly with a weekday");
        }
        if (weeks.stream().anyMatch(week -> week < 1 || week > 4)) {
            throw new EventContractException(TYPE, "weeks", "must be from 1 to 4");
        }
        Checks.text(TYPE, "recordedBy", recordedBy, Checks.MAX_CODE_LENGTH);
        Checks.required(TYPE, "recordedAt", recordedAt);
    }

    @Override
    public String subject() {
        return orderId != null ? orderId : requirementsId;
    }
}
