package kz.qorgau.events.json;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper for event data and sealed plaintexts (Jackson 3), configured as a tolerant
 * reader: unknown properties are ignored so producers can add fields without breaking consumers.
 *
 * <p>Settings are spelled out even where they match Jackson 3's defaults, so a default changing in a
 * later Jackson release cannot silently change the wire format. No polymorphic typing is enabled:
 * the CloudEvents type picks the record class, and no Java class name ever goes on the wire.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            // Tolerant reader: newer producers may add properties.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
            // But the document itself must be exactly one JSON value, and an int field must be present.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Enum constants by name only: ordinals would silently change meaning if the enum is reordered.
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            // ISO-8601 strings for java.time, in UTC for Instant ("2026-03-01T10:15:30Z").
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DATES_WITH_ZONE_ID)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private EventJson() {}

    /** The shared mapper; Jackson 3 mappers are immutable and thread-safe. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
