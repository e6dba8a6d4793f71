package kz.qorgau.kit.parking;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;

/**
 * The operators' view of the parking, on the management port ({@code /actuator/parking}), which needs an
 * OPERATOR's token for everything but health and the scrape (docs/adr/0014):
 *
 * <ul>
 *   <li>{@code GET /actuator/parking}: the parked keys;
 *   <li>{@code GET /actuator/parking/{key}}: the key's records, head first: coordinates, CloudEvents id
 *       and type, reason; never the value;
 *   <li>{@code POST /actuator/parking/{key}} with {@code {"action":"replay"}} or {@code
 *       {"action":"discard","reason":"TEST_RECORD"}}.
 * </ul>
 */
@Endpoint(id = "parking")
public class ParkingEndpoint {

    private final SequencedParking parking;

    public ParkingEndpoint(SequencedParking parking) {
        this.parking = parking;
    }

    @ReadOperation
    public Map<String, List<ParkingLot.ParkedKey>> keys() {
        return Map.of("keys", parking.keys());
    }

    @ReadOperation
    public WebEndpointResponse<Map<String, Object>> records(@Selector String key) {
        List<RecordView> records =
                parking.records(key).stream().map(RecordView::of).toList();
        if (records.isEmpty()) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        return new WebEndpointResponse<>(Map.of("key", key, "records", records));
    }

    @WriteOperation
    public WebEndpointResponse<Object> act(
            @Selector String key, String action, @Nullable String reason, SecurityContext security) {
        String operator = security.getPrincipal() == null
                ? "unknown"
                : security.getPrincipal().getName();
        SequencedParking.Result result;
        try {
            result = switch (action) {
                case "replay" -> parking.replay(key, operator);
                case "discard" -> parking.discard(key, reason, operator);
                default -> throw new IllegalArgumentException("action is replay or discard");
            };
        } catch (IllegalArgumentException e) {
            return new WebEndpointResponse<>(Map.of("error", e.getMessage()), WebEndpointResponse.STATUS_BAD_REQUEST);
        } catch (ParkingUnavailableException e) {
            return new WebEndpointResponse<>(
                    Map.of("error", e.getMessage()), WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
        }
        return switch (result.status()) {
            case NOT_PARKED -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
            case BUSY -> new WebEndpointResponse<>(Map.of("error", "another action on this key is running"), 409);
            case DONE -> new WebEndpointResponse<>(result);
        };
    }

    /** What an operator sees of a parked record: where it came from and why it waits, not its content. */
    public record RecordView(
            long id,
            String topic,
            int partition,
            long offset,
            String eventId,
            String eventType,
            OffsetDateTime parkedAt,
            String reason) {

        static RecordView of(ParkedRecord record) {
            return new RecordView(
                    record.id(),
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.header("ce_id"),
                    record.header("ce_type"),
                    record.parkedAt(),
                    record.reason());
        }
    }
}
