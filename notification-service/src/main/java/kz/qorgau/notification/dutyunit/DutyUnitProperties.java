package kz.qorgau.notification.dutyunit;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the police duty units are reached ({@code qorgau.notification.*}).
 *
 * <pre>
 * qorgau.notification.duty-units.[ALM-BOSTANDYK]=duty.almaty-bostandyk@police.example.kz
 * qorgau.notification.fallback-duty-unit=duty.national@police.example.kz
 * </pre>
 *
 * @param dutyUnits e-mail addresses of each district's duty unit, by district code (the codes of
 *     OrderIssued.district; brackets keep the key as written)
 * @param fallbackDutyUnit who is told about an order from a district not listed, so that no order
 *     goes unannounced
 */
@ConfigurationProperties("qorgau.notification")
public record DutyUnitProperties(
        @DefaultValue Map<String, List<String>> dutyUnits, @DefaultValue List<String> fallbackDutyUnit) {}
