package kz.qorgau.notification.supervisor;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who is told when a notice is given up ({@code qorgau.notification.*}): the district's supervisor, by e-mail
 * and, where configured, by webhook.
 *
 * <pre>
 * qorgau.notification.supervisors.[ALM-BOSTANDYK]=supervisor.almaty-bostandyk@police.example.kz
 * qorgau.notification.supervisor-webhooks.[ALM-BOSTANDYK]=https://dispatch.example.kz/qorgau
 * qorgau.notification.fallback-supervisor=supervisor.national@police.example.kz
 * </pre>
 *
 * @param supervisors e-mail addresses of each district's supervisor, by district code
 * @param supervisorWebhooks a district supervisor's webhook, by district code
 * @param fallbackSupervisor e-mail addresses told about a district with no supervisor of its own
 */
@ConfigurationProperties("qorgau.notification")
public record SupervisorProperties(
        @DefaultValue Map<String, List<String>> supervisors,
        @DefaultValue Map<String, URI> supervisorWebhooks,
        @DefaultValue List<String> fallbackSupervisor) {}
