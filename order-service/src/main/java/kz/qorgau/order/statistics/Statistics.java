package kz.qorgau.order.statistics;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.qorgau.order.law.LawProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics, computed from order-service's own tables (never from Prometheus): for each measure,
 * region and month the count of what it counts and, for a timing, the median hours. Raw values: the
 * published report ({@link StatisticsReport}) hides small counts.
 */
@Service
class Statistics {

    /** One cell: how many were counted and, for a timing, their median in hours. */
    record Cell(Measure measure, String region, YearMonth month, long count, Double medianHours) {}

    private final JdbcClient jdbc;
    private final StatisticsProperties properties;
    private final ZoneId zone;

    Statistics(JdbcClient jdbc, StatisticsProperties properties, LawProperties law) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.zone = law.zone();
    }

    /** Every cell from the first day of {@code from} to the last of {@code to}; absent cells count nothing. */
    @Transactional(readOnly = true)
    List<Cell> cells(YearMonth from, YearMonth to) {
        Map<String, Object> params = new HashMap<>();
        params.put("zone", zone.getId());
        params.put("start", Timestamp.from(from.atDay(1).atStartOfDay(zone).toInstant()));
        params.put(
                "end",
                Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
        // The district -> region map as bound values, never spliced into the SQL.
        List<String> rows = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> region : properties.regions().entrySet()) {
            rows.add("(CAST(:prefix" + i + " AS text), CAST(:region" + i + " AS text))");
            params.put("prefix" + i, region.getKey());
            params.put("region" + i, region.getValue());
            i++;
        }
        List<Cell> cells = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            String sql = "WITH region_map (prefix, region) AS (VALUES " + String.join(", ", rows) + ")"
                    + " SELECT COALESCE(m.region, '" + StatisticsProperties.OTHER + "') AS region,"
                    + " to_char(e.at AT TIME ZONE :zone, 'YYYY-MM') AS month, count(DISTINCT e.counted) AS n,"
                    + " percentile_cont(0.5) WITHIN GROUP (ORDER BY e.hours) AS median"
                    + " FROM (" + measure.select() + ") e"
                    + " LEFT JOIN region_map m ON m.prefix = split_part(e.district, '-', 1)"
                    + " WHERE e.at >= :start AND e.at < :end GROUP BY 1, 2";
            cells.addAll(jdbc.sql(sql)
                    .params(params)
                    .query((row, n) -> new Cell(
                            measure,
                            row.getString("region"),
                            YearMonth.parse(row.getString("month")),
                            row.getLong("n"),
                            measure.isTiming() ? (Double) row.getObject("median", Double.class) : null))
                    .list());
        }
        return cells;
    }
}
