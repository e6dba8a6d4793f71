package kz.qorgau.order.requirements;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kz.qorgau.order.law.LawProperties;

/**
 * The days the offender reports to the police, as the officer recorded them: either named dates, or a
 * rule of weekdays in the month ("first and third Monday": weekday MONDAY, weeks [1, 3]). Either way 1 to
 * 4 days a month (configurable). Days are days in Asia/Almaty.
 */
@Schema(description = "The reporting days: named dates, or a weekday and its weeks of the month; one of the two.")
public record ReportingSchedule(
        @Schema(
                        description =
                                "Named reporting days (ISO dates); at most the configured number (4) in any month.",
                        nullable = true)
                List<LocalDate> dates,
        @Schema(description = "With weeks: the weekday of the rule, e.g. MONDAY.", nullable = true) DayOfWeek weekday,
        @Schema(description = "With weekday: which of the month's such weekdays, 1 to 4, e.g. [1, 3].", nullable = true)
                List<Integer> weeks) {

    /** What is wrong with this schedule under {@code perMonth}, or {@code null} when nothing is. */
    String problem(LawProperties.MonthRange perMonth) {
        boolean byDates = dates != null && !dates.isEmpty();
        boolean byRule = weekday != null || (weeks != null && !weeks.isEmpty());
        if (byDates == byRule) {
            return "name either dates, or a weekday and its weeks";
        }
        if (byRule) {
            if (weekday == null || weeks == null || weeks.isEmpty()) {
                return "a rule needs both a weekday and its weeks";
            }
            if (weeks.stream().anyMatch(week -> week == null || week < 1 || week > 4)
                    || weeks.stream().distinct().count() != weeks.size()) {
                return "weeks are distinct numbers from 1 to 4";
            }
            return perMonth.contains(weeks.size()) ? null : outside(perMonth);
        }
        if (dates.stream().anyMatch(date -> date == null)
                || dates.stream().distinct().count() != dates.size()) {
            return "dates must be distinct";
        }
        Map<YearMonth, Integer> byMonth = new TreeMap<>();
        dates.forEach(date -> byMonth.merge(YearMonth.from(date), 1, Integer::sum));
        return byMonth.values().stream().allMatch(count -> count <= perMonth.max()) ? null : outside(perMonth);
    }

    /** The reporting days from {@code first} to {@code last}, both included, in order. */
    List<LocalDate> daysBetween(LocalDate first, LocalDate last) {
        List<LocalDate> days = new ArrayList<>();
        if (dates != null && !dates.isEmpty()) {
            dates.stream()
                    .filter(day -> !day.isBefore(first) && !day.isAfter(last))
                    .sorted()
                    .forEach(days::add);
            return days;
        }
        for (YearMonth month = YearMonth.from(first);
                !month.isAfter(YearMonth.from(last));
                month = month.plusMonths(1)) {
            for (int week : weeks.stream().sorted().toList()) {
                LocalDate day = month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(week, weekday));
                if (!day.isBefore(first) && !day.isAfter(last)) {
                    days.add(day);
                }
            }
        }
        return days;
    }

    private static String outside(LawProperties.MonthRange perMonth) {
        return "must give " + perMonth.min() + " to " + perMonth.max() + " reporting days a month";
    }
}
