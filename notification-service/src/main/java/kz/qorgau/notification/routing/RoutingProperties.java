package kz.qorgau.notification.routing;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who is told of what ({@code qorgau.notification.routing.*}): for each event, the recipient kinds by role code,
 * in order. A role no recipient kind answers to stops the start.
 *
 * @param orderIssued who is told that an order was issued; the district's duty unit by default
 */
@ConfigurationProperties("qorgau.notification.routing")
public record RoutingProperties(@DefaultValue("DUTY_UNIT") List<String> orderIssued) {}
