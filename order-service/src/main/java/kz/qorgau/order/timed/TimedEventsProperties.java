package kz.qorgau.order.timed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qorgau.orders.timed-events.*}: how often order-service looks for timed events that fell due
 * (service overdue, check overdue, expiry approaching, expired). The scan only triggers; each event is
 * published once whatever the interval, however many instances run, and after any downtime.
 *
 * @param enabled whether this instance takes part in the scans (one instance scans at a time)
 * @param scanInterval the pause between two scans
 * @param lockAtMost how long a scan's lock is held if its instance dies mid-scan
 */
@ConfigurationProperties("qorgau.orders.timed-events")
public record TimedEventsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") Duration scanInterval,
        @DefaultValue("10m") Duration lockAtMost) {}
