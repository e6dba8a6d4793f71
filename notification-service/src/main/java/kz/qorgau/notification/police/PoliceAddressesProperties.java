package kz.qorgau.notification.police;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the issuing officers' units and the district inspectors are reached ({@code qorgau.notification.*});
 * nobody by default: a kind with nobody configured for an order adds no notice.
 *
 * <pre>
 * qorgau.notification.police-units.[ALM-BOSTANDYK-UP-02]=up02.almaty-bostandyk@police.example.kz
 * qorgau.notification.district-inspectors.[ALM-BOSTANDYK]=inspector.almaty-bostandyk@police.example.kz
 * </pre>
 *
 * @param policeUnits e-mail addresses of each police unit, by its code (OrderIssued.policeUnit)
 * @param districtInspectors e-mail addresses of each district's inspector, by district code
 */
@ConfigurationProperties("qorgau.notification")
public record PoliceAddressesProperties(
        @DefaultValue Map<String, List<String>> policeUnits,
        @DefaultValue Map<String, List<String>> districtInspectors) {}
