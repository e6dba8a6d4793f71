package kz.qorgau.order.statistics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The published statistics: every measure for every region and month of the period, small counts hidden.
 * The grid is whole (a cell with nothing counted is a cell too), so what is absent tells nothing.
 *
 * @param zone the zone months are counted in
 * @param smallCount counts (and the cases behind a median) below this show as {@code "<smallCount"}
 */
@Schema(description = "Statistics by region and month: counts and median timings, never personal data.")
record StatisticsReport(String from, String to, String zone, int smallCount, List<Figure> figures) {

    /**
     * One published figure.
     *
     * @param period the month, YYYY-MM
     * @param value the count, the median in hours (one decimal), or {@code "<5"} when fewer were counted
     * @param base what is counted
     * @param source the table and columns it is computed from
     */
    @Schema(description = "One figure, with its period, its base and its source.")
    record Figure(
            String period, String region, Measure measure, String value, String unit, String base, String source) {}

    static StatisticsReport of(
            YearMonth from,
            YearMonth to,
            String zone,
            List<String> regions,
            int smallCount,
            List<Statistics.Cell> cells) {
        Map<String, Statistics.Cell> byKey = new HashMap<>();
        cells.forEach(cell -> byKey.put(key(cell.measure(), cell.region(), cell.month()), cell));
        List<Figure> figures = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            for (String region : regions) {
                for (Measure measure : Measure.values()) {
                    Statistics.Cell cell = byKey.get(key(measure, region, month));
                    figures.add(new Figure(
                            month.toString(),
                            region,
                            measure,
                            value(measure, cell, smallCount),
                            measure.unit(),
                            measure.base(),
                            measure.source()));
                }
            }
        }
        return new StatisticsReport(from.toString(), to.toString(), zone, smallCount, figures);
    }

    private static String value(Measure measure, Statistics.Cell cell, int smallCount) {
        long count = cell == null ? 0 : cell.count();
        if (count < smallCount) {
            return "<" + smallCount;
        }
        return measure.isTiming()
                ? String.format(java.util.Locale.ROOT, "%.1f", cell.medianHours())
                : Long.toString(count);
    }

    private static String key(Measure measure, String region, YearMonth month) {
        return measure + "|" + region + "|" + month;
    }

    /** RFC 4180 CSV, a header then one line per figure, every field quoted. */
    String csv() {
        StringBuilder csv = new StringBuilder("period,region,measure,value,unit,base,source\r\n");
        for (Figure figure : figures) {
            csv.append(List.of(
                                    figure.period(),
                                    figure.region(),
                                    figure.measure().name(),
                                    figure.value(),
                                    figure.unit(),
                                    figure.base(),
                                    figure.source())
                            .stream()
                            .map(field -> '"' + field.replace("\"", "\"\"") + '"')
                            .collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return csv.toString();
    }
}
