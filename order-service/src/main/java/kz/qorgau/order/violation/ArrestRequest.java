package kz.qorgau.order.violation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The body of the arrest's start and end: when, or now. */
@Schema(description = "When the offender's administrative arrest started or ended.")
record ArrestRequest(
        @Schema(
                        description = "When; now if absent. At most the configured backdating (72 h) ago, never in"
                                + " the future.",
                        nullable = true)
                Instant at) {}
