package kz.qorgau.order.statistics;

/**
 * What the statistics count or time, each with its base (what is counted, and in which month) and its
 * source (the table and column). A measure is one SQL select of {@code district, at, counted, hours}: the
 * district places it in a region, {@code at} in a month (in the law's zone), {@code counted} is what is
 * counted once, {@code hours} what a timing takes the median of.
 */
enum Measure {
    ORDERS_ISSUED(
            "orders",
            "orders issued in the month (voided ones excluded)",
            "protective_order.issued_at",
            "SELECT district, issued_at AS at, id AS counted, NULL::float8 AS hours FROM protective_order"
                    + " WHERE status <> 'VOIDED'"),
    ORDERS_SERVED(
            "orders",
            "orders served in the month",
            "protective_order.served_at",
            "SELECT district, served_at AS at, id AS counted, NULL::float8 AS hours FROM protective_order"
                    + " WHERE served_at IS NOT NULL"),
    ORDERS_EXPIRED(
            "orders",
            "orders whose term ended in the month (expired, not revoked)",
            "protective_order.valid_until",
            "SELECT district, valid_until AS at, id AS counted, NULL::float8 AS hours FROM protective_order"
                    + " WHERE status = 'EXPIRED'"),
    SPECIAL_REQUIREMENTS(
            "measures",
            "court special requirements taking effect in the month",
            "special_requirements.effective_from",
            "SELECT district, effective_from AS at, id AS counted, NULL::float8 AS hours FROM special_requirements"),
    VIOLATIONS(
            "violations",
            "confirmed violations of an order (art. 461 of the Code of Administrative Offences) that occurred in"
                    + " the month, in the order's district",
            "order_violation.occurred_at",
            "SELECT o.district, v.occurred_at AS at, v.id AS counted, NULL::float8 AS hours FROM order_violation v"
                    + " JOIN protective_order o ON o.id = v.order_id WHERE v.status = 'CONFIRMED'"),
    ARRESTS(
            "arrests",
            "arrests for a violation that started in the month",
            "order_violation.arrest_started_at",
            "SELECT o.district, v.arrest_started_at AS at, v.id AS counted, NULL::float8 AS hours"
                    + " FROM order_violation v JOIN protective_order o ON o.id = v.order_id"
                    + " WHERE v.arrest_started_at IS NOT NULL"),
    REPEAT_OFFENDERS(
            "offenders",
            "distinct offenders marked repeat offenders on an order issued in the month",
            "protective_order.repeat_offender",
            "SELECT district, issued_at AS at, encode(offender_iin_index, 'hex') AS counted, NULL::float8 AS hours"
                    + " FROM protective_order WHERE repeat_offender AND status <> 'VOIDED'"),
    ORDER_TO_SERVICE_HOURS(
            "hours (median)",
            "orders served in the month: hours from issue to service",
            "protective_order.issued_at, protective_order.served_at",
            "SELECT district, served_at AS at, id AS counted,"
                    + " extract(epoch FROM served_at - issued_at) / 3600 AS hours FROM protective_order"
                    + " WHERE served_at IS NOT NULL"),
    SERVICE_TO_FIRST_CHECK_HOURS(
            "hours (median)",
            "orders first checked in the month: hours from service to the first compliance check",
            "protective_order.served_at, compliance_check.checked_at",
            // A corrected check counts by its correction.
            "SELECT o.district, f.first_check AS at, o.id AS counted,"
                    + " extract(epoch FROM f.first_check - o.served_at) / 3600 AS hours FROM protective_order o"
                    + " JOIN (SELECT c.order_id, min(c.checked_at) AS first_check FROM compliance_check c"
                    + " WHERE NOT EXISTS (SELECT 1 FROM compliance_check x WHERE x.corrects = c.id)"
                    + " GROUP BY c.order_id) f ON f.order_id = o.id WHERE o.served_at IS NOT NULL"),
    UNPROTECTED_GAP_HOURS(
            "hours (median)",
            "special requirements taking effect in the month after an earlier order against the same offender"
                    + " had ended, with no order in force in between: hours from the order's end to their start",
            "protective_order.valid_until, protective_order.ended_at, special_requirements.effective_from",
            // The offender is linked by the IIN's blind index; the latest order ended before the measure began.
            "SELECT s.district, s.effective_from AS at, s.id AS counted,"
                    + " extract(epoch FROM s.effective_from - g.ended) / 3600 AS hours FROM special_requirements s"
                    + " JOIN LATERAL (SELECT max(CASE WHEN o.status = 'EXPIRED' THEN o.valid_until"
                    + " ELSE o.ended_at END) AS ended FROM protective_order o"
                    + " WHERE o.offender_iin_index = s.offender_iin_index AND o.status IN ('EXPIRED', 'REVOKED')"
                    + " AND (CASE WHEN o.status = 'EXPIRED' THEN o.valid_until ELSE o.ended_at END)"
                    + " <= s.effective_from) g ON g.ended IS NOT NULL"
                    + " WHERE NOT EXISTS (SELECT 1 FROM protective_order p"
                    + " WHERE p.offender_iin_index = s.offender_iin_index AND p.served_at <= s.effective_from"
                    + " AND p.status IN ('IN_FORCE', 'EXPIRED', 'REVOKED')"
                    + " AND COALESCE(p.ended_at, p.valid_until) > s.effective_from)");

    private final String unit;
    private final String base;
    private final String source;
    private final String select;

    Measure(String unit, String base, String source, String select) {
        this.unit = unit;
        this.base = base;
        this.source = source;
        this.select = select;
    }

    String unit() {
        return unit;
    }

    String base() {
        return base;
    }

    String source() {
        return source;
    }

    String select() {
        return select;
    }

    /** A timing: its figure is the median of {@code hours}, over at least the small count of cases. */
    boolean isTiming() {
        return name().endsWith("_HOURS");
    }

    /** The Prometheus gauge's name, e.g. {@code qorgau_statistics_orders_issued}. */
    String gaugeName() {
        return "qorgau.statistics." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
