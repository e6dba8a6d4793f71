package kz.qorgau.order.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import kz.qorgau.order.law.LawProperties;
import kz.qorgau.order.protectiveorder.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The districts' lists counted, all districts together, for operators: {@value #METRIC} with tag {@code
 * list} (in_force, unserved, checks_overdue, expiring). Counted every minute by each instance from its own
 * database, so a scrape never waits for a query; every instance reports the same numbers.
 */
@Component
class OrderListGauges {

    static final String METRIC = "qorgau.orders.listed";

    private static final Logger log = LoggerFactory.getLogger(OrderListGauges.class);

    /** What each gauge counts: a list, and the statuses it is narrowed to. */
    enum Counted {
        IN_FORCE(OrderList.ALL, List.of(OrderStatus.IN_FORCE)),
        UNSERVED(OrderList.UNSERVED, List.of()),
        CHECKS_OVERDUE(OrderList.CHECKS_OVERDUE, List.of()),
        EXPIRING(OrderList.EXPIRING, List.of());

        final OrderList list;
        final List<OrderStatus> statuses;

        Counted(OrderList list, List<OrderStatus> statuses) {
            this.list = list;
            this.statuses = statuses;
        }
    }

    private final OrderSearch search;
    private final LawProperties law;
    private final Map<Counted, AtomicLong> counts = new EnumMap<>(Counted.class);

    OrderListGauges(OrderSearch search, LawProperties law, MeterRegistry meters) {
        this.search = search;
        this.law = law;
        for (Counted counted : Counted.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(counted, count);
            Gauge.builder(METRIC, count, AtomicLong::get)
                    .description("Orders on each of the districts' lists, all districts together (unserved past the"
                            + " service deadline, checks overdue, expiring within the warning)")
                    .tag("list", counted.name().toLowerCase(java.util.Locale.ROOT))
                    .register(meters);
        }
    }

    @Scheduled(fixedDelayString = "${qorgau.orders.list-gauges-interval:PT1M}", initialDelayString = "PT5S")
    void count() {
        try {
            for (Counted counted : Counted.values()) {
                var within = counted == Counted.UNSERVED
                        ? law.serviceOverdue().value()
                        : law.expiryWarning().value();
                counts.get(counted).set(search.count(counted.list, counted.statuses, within));
            }
        } catch (RuntimeException e) {
            // The gauges keep their last numbers; the database's own alerts say why.
            log.warn("Could not count the districts' lists: {}", e.getClass().getSimpleName());
        }
    }
}
