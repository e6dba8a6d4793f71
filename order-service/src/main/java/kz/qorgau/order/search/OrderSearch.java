package kz.qorgau.order.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.kit.security.Role;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.law.LawProperties;
import kz.qorgau.order.protectiveorder.OrderStatus;
import kz.qorgau.order.security.OrderAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The district's lists and the search, under the district rule: officers and supervisors list their own
 * district (another is refused, not silently emptied), courts any or all. Pages of summaries without
 * personal data, so a list is no access to record.
 */
@Service
class OrderSearch {

    /** What to list, with the optional filters. */
    record Criteria(
            OrderList list,
            String district,
            List<OrderStatus> statuses,
            LocalDate issuedFrom,
            LocalDate issuedTo,
            Duration within,
            int page,
            int size) {}

    private final JdbcClient jdbc;
    private final OrderAccess access;
    private final LawProperties law;
    private final Clock clock;

    OrderSearch(JdbcClient jdbc, OrderAccess access, LawProperties law, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.law = law;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    OrderPage find(Staff staff, Criteria criteria) {
        String district = criteria.district() != null ? criteria.district() : staff.district();
        if (!staff.has(Role.COURT)) {
            access.requireOwnDistrict(staff, district);
        }
        Query query = query(criteria, district, clock.instant());
        query.params().put("limit", criteria.size() + 1);
        query.params().put("offset", (long) criteria.page() * criteria.size());
        var statement = jdbc.sql(query.sql() + query.orderBy() + " LIMIT :limit OFFSET :offset")
                .params(query.params());
        List<OrderSummary> rows = statement
                .query((row, n) -> new OrderSummary(
                        row.getObject("id", UUID.class),
                        row.getString("order_number"),
                        OrderStatus.valueOf(row.getString("status")),
                        row.getString("district"),
                        row.getString("police_unit"),
                        instant(row.getTimestamp("issued_at")),
                        instant(row.getTimestamp("served_at")),
                        instant(row.getTimestamp("valid_until")),
                        instant(row.getTimestamp("next_check_due")),
                        row.getBoolean("repeat_offender")))
                .list();
        boolean hasNext = rows.size() > criteria.size();
        return new OrderPage(
                hasNext ? rows.subList(0, criteria.size()) : rows, criteria.page(), criteria.size(), hasNext);
    }

    /** How many orders of every district are on {@code list} now (for operators' gauges). */
    @Transactional(readOnly = true)
    long count(OrderList list, List<OrderStatus> statuses, Duration within) {
        Query query = query(new Criteria(list, null, statuses, null, null, within, 0, 1), null, clock.instant());
        return jdbc.sql("SELECT count(*) FROM (" + query.sql() + ") counted")
                .params(query.params())
                .query(Long.class)
                .single();
    }

    /** A list's statement without its order and page, its order, and their parameters. */
    private record Query(String sql, String orderBy, Map<String, Object> params) {}

    private Query query(Criteria criteria, String district, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("now", Timestamp.from(now));
        params.put("checkSeconds", law.checkInterval().value().toSeconds());
        // The next check falls due an interval after the latest check, or after service if none.
        StringBuilder listed = new StringBuilder(
                """
                SELECT o.id, o.order_number, o.status, o.district, o.police_unit, o.issued_at, o.served_at,
                       o.valid_until, o.repeat_offender,
                       CASE WHEN o.status = 'IN_FORCE' THEN
                           GREATEST(o.served_at, (SELECT max(c.checked_at) FROM compliance_check c
                                                  WHERE c.order_id = o.id))
                           + make_interval(secs => :checkSeconds)
                       END AS next_check_due
                FROM protective_order o
                WHERE true""");
        if (district != null) {
            listed.append(" AND o.district = :district");
            params.put("district", district);
        }
        if (!criteria.statuses().isEmpty()) {
            listed.append(" AND o.status IN (:statuses)");
            params.put("statuses", criteria.statuses().stream().map(Enum::name).toList());
        }
        if (criteria.issuedFrom() != null) {
            listed.append(" AND o.issued_at >= :from");
            params.put("from", startOf(criteria.issuedFrom()));
        }
        if (criteria.issuedTo() != null) {
            listed.append(" AND o.issued_at < :to");
            params.put("to", startOf(criteria.issuedTo().plusDays(1)));
        }
        String sql = "SELECT * FROM (" + listed + ") listed";
        return switch (criteria.list()) {
            case ALL -> new Query(sql, " ORDER BY issued_at DESC, id", params);
            case EXPIRING -> {
                params.put("horizon", Timestamp.from(now.plus(criteria.within())));
                yield new Query(
                        sql + " WHERE status = 'IN_FORCE' AND valid_until > :now AND valid_until <= :horizon",
                        " ORDER BY valid_until, id",
                        params);
            }
            case UNSERVED -> {
                params.put("since", Timestamp.from(now.minus(criteria.within())));
                yield new Query(
                        sql + " WHERE status = 'ISSUED' AND issued_at <= :since", " ORDER BY issued_at, id", params);
            }
            case CHECKS_OVERDUE ->
                new Query(
                        sql + " WHERE status = 'IN_FORCE' AND next_check_due < :now AND valid_until > :now",
                        " ORDER BY next_check_due, id",
                        params);
        };
    }

    private Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(law.zone()).toInstant());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
