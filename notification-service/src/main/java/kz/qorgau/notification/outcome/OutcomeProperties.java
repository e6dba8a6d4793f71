package kz.qorgau.notification.outcome;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Publishing of notification-service's own events ({@code qorgau.notification.outcomes.*}).
 *
 * @param sendTimeout how long to wait for Kafka's acknowledgement of one event
 * @param relayInterval how often left-over outbox rows are looked for (rows a crash or an outage
 *     left unpublished); the listener publishes its own rows at once
 * @param relayGrace how old an unpublished row must be before the relay takes it, so it does not
 *     queue behind the listener for rows the listener is publishing anyway
 */
@ConfigurationProperties("qorgau.notification.outcomes")
public record OutcomeProperties(
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("30s") Duration relayInterval,
        @DefaultValue("10s") Duration relayGrace) {}
