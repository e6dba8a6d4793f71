package kz.qorgau.order.requirements;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The body of {@code POST /api/v1/special-requirements/{id}/reporting-visits}. Unknown properties are refused. */
@Schema(description = "The offender reported to the police.")
record VisitRequest(
        @Schema(
                        description = "When the offender reported; now if absent. At most the configured backdating"
                                + " (72 h) ago, never in the future, never before the requirements came into force.",
                        nullable = true)
                Instant visitedAt) {}
