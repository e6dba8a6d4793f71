package kz.qorgau.order.statistics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.qorgau.order.lifecycle.OrderChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code qorgau_orders_changes_total{change, region}}: orders issued, served, violated, expired, revoked
 * and every other change, by region, counted once their transaction committed (a refused or rolled back
 * change counts nothing). Bounded labels: the change is the event type without its prefix and version
 * ({@code order.served}), the region one of the configured regions or "other", never a district code an
 * officer typed.
 */
@Component
class OrderChangeCounters {

    static final String METRIC = "qorgau.orders.changes";

    private static final String PREFIX = "kz.qorgau.";

    private final MeterRegistry meters;
    private final StatisticsProperties properties;

    OrderChangeCounters(MeterRegistry meters, StatisticsProperties properties) {
        this.meters = meters;
        this.properties = properties;
    }

    @TransactionalEventListener
    void committed(OrderChanged change) {
        Counter.builder(METRIC)
                .description("Orders issued and changed, by the change and the district's region")
                .tag("change", change(change.eventType()))
                .tag("region", properties.regionOf(change.district()))
                .register(meters)
                .increment();
    }

    /** {@code kz.qorgau.order.served.v1} -> {@code order.served}. */
    static String change(String eventType) {
        String name = eventType.startsWith(PREFIX) ? eventType.substring(PREFIX.length()) : eventType;
        int version = name.lastIndexOf(".v");
        return version > 0 ? name.substring(0, version) : name;
    }
}
