package kz.qorgau.notification.dutyunit;

import java.util.LinkedHashMap;
import java.util.Map;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.envelope.EventEnvelope;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON document a police dispatch webhook receives about an issued order: what the duty unit's e-mail
 * says, as fields. Names the order, nobody in it.
 */
final class DutyUnitDispatch {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DutyUnitDispatch() {}

    static String of(EventEnvelope<? extends QorgauEvent> event, OrderIssued order) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", event.type());
        document.put("eventId", event.id().toString());
        document.put("orderId", order.orderId());
        document.put("orderNumber", order.orderNumber());
        document.put("district", order.district());
        document.put("policeUnit", order.policeUnit());
        document.put("issuedAt", order.issuedAt().toString());
        document.put(
                "validUntil",
                order.validUntil() == null ? null : order.validUntil().toString());
        document.put(
                "prohibitions", order.prohibitions().stream().map(Enum::name).toList());
        document.put("urgency", "URGENT");
        document.put(
                "riskLevel",
                order.riskLevel() == null ? null : order.riskLevel().name());
        return JSON.writeValueAsString(document);
    }
}
