package kz.qorgau.order.timed;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Triggers the scan for timed events; everything that makes them exactly-once is in {@link TimedEvents}. */
@Component
class TimedEventsScan {

    private final TimedEvents events;
    private final TimedEventsProperties properties;
    private final Clock clock;

    TimedEventsScan(TimedEvents events, TimedEventsProperties properties, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${qorgau.orders.timed-events.scan-interval:1m}",
            fixedDelayString = "${qorgau.orders.timed-events.scan-interval:1m}")
    @SchedulerLock(name = "order-timed-events")
    public void scan() {
        if (properties.enabled()) {
            events.raiseDue(clock.instant());
        }
    }
}
